//! The syntax layer: each token's universal part of speech, lemma and dependency head and
//! relation (Universal Dependencies v2), with the views later stages read the tree through.
//!
//! The layer is parallel to [`Analysis::tokens`](crate::Analysis::tokens): entry `i` describes
//! token `i`. Heads are absolute token indices and never cross a sentence, so a stage can walk a
//! sentence's tree without knowing where the sentence starts.

use std::fmt;

/// A universal part-of-speech tag (UD v2, the 17 UPOS tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Every tag, in the order of their numbers (`Upos::ALL[t as usize] == t`).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as CoNLL-U writes it (`PROPN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Reads a CoNLL-U tag; `None` for anything that is not one of the 17.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|t| t.as_str() == s)
    }

    /// The tag with number `n`, if there is one (model files store tags as numbers).
    pub fn from_index(n: usize) -> Option<Upos> {
        Upos::ALL.get(n).copied()
    }

    /// Nouns, proper nouns and pronouns: what can fill a subject or object.
    pub fn is_nominal(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! relations {
    ($($variant:ident = $label:literal, $base:ident;)*) => {
        /// A dependency relation: the 37 universal relations of UD v2 and the English subtypes
        /// that UD English treebanks use (`nsubj:pass`, `obl:tmod`, `compound:prt`, ...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum DepRel {
            $($variant,)*
        }

        impl DepRel {
            /// Every relation, in the order of their numbers.
            pub const ALL: &'static [DepRel] = &[$(DepRel::$variant,)*];

            /// The label as CoNLL-U writes it (`nsubj:pass`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(DepRel::$variant => $label,)*
                }
            }

            /// The universal relation without its subtype (`nsubj:pass` → `nsubj`).
            pub fn base(self) -> DepRel {
                match self {
                    $(DepRel::$variant => DepRel::$base,)*
                }
            }
        }
    };
}

relations! {
    Acl = "acl", Acl;
    AclRelcl = "acl:relcl", Acl;
    Advcl = "advcl", Advcl;
    AdvclRelcl = "advcl:relcl", Advcl;
    Advmod = "advmod", Advmod;
    Amod = "amod", Amod;
    Appos = "appos", Appos;
    Aux = "aux", Aux;
    AuxPass = "aux:pass", Aux;
    Case = "case", Case;
    Cc = "cc", Cc;
    CcPreconj = "cc:preconj", Cc;
    Ccomp = "ccomp", Ccomp;
    Clf = "clf", Clf;
    Compound = "compound", Compound;
    CompoundPrt = "compound:prt", Compound;
    Conj = "conj", Conj;
    Cop = "cop", Cop;
    Csubj = "csubj", Csubj;
    CsubjOuter = "csubj:outer", Csubj;
    CsubjPass = "csubj:pass", Csubj;
    Dep = "dep", Dep;
    Det = "det", Det;
    DetPredet = "det:predet", Det;
    Discourse = "discourse", Discourse;
    Dislocated = "dislocated", Dislocated;
    Expl = "expl", Expl;
    Fixed = "fixed", Fixed;
    Flat = "flat", Flat;
    FlatForeign = "flat:foreign", Flat;
    Goeswith = "goeswith", Goeswith;
    Iobj = "iobj", Iobj;
    List = "list", List;
    Mark = "mark", Mark;
    Nmod = "nmod", Nmod;
    NmodDesc = "nmod:desc", Nmod;
    NmodNpmod = "nmod:npmod", Nmod;
    NmodPoss = "nmod:poss", Nmod;
    NmodTmod = "nmod:tmod", Nmod;
    NmodUnmarked = "nmod:unmarked", Nmod;
    Nsubj = "nsubj", Nsubj;
    NsubjOuter = "nsubj:outer", Nsubj;
    NsubjPass = "nsubj:pass", Nsubj;
    Nummod = "nummod", Nummod;
    Obj = "obj", Obj;
    Obl = "obl", Obl;
    OblAgent = "obl:agent", Obl;
    OblNpmod = "obl:npmod", Obl;
    OblTmod = "obl:tmod", Obl;
    OblUnmarked = "obl:unmarked", Obl;
    Orphan = "orphan", Orphan;
    Parataxis = "parataxis", Parataxis;
    Punct = "punct", Punct;
    Reparandum = "reparandum", Reparandum;
    Root = "root", Root;
    Vocative = "vocative", Vocative;
    Xcomp = "xcomp", Xcomp;
}

impl DepRel {
    /// Reads a CoNLL-U relation. A subtype this enum does not know falls back to its universal
    /// relation (`nmod:gmod` → `nmod`); `None` only when the universal part is unknown too.
    pub fn parse(s: &str) -> Option<DepRel> {
        if let Some(r) = DepRel::ALL.iter().copied().find(|r| r.as_str() == s) {
            return Some(r);
        }
        let base = s.split(':').next()?;
        DepRel::ALL.iter().copied().find(|r| r.as_str() == base)
    }

    /// The relation with number `n`, if there is one (model files store relations as numbers).
    pub fn from_index(n: usize) -> Option<DepRel> {
        DepRel::ALL.get(n).copied()
    }

    /// Subjects of any kind: nominal or clausal, active, passive or outer.
    pub fn is_subject(self) -> bool {
        matches!(self.base(), DepRel::Nsubj | DepRel::Csubj)
    }
}

impl fmt::Display for DepRel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! serde_as_label {
    ($t:ty, $what:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$t>::parse(&s)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a {}: {s:?}", $what)))
            }
        }
    };
}

serde_as_label!(Upos, "UPOS tag");
serde_as_label!(DepRel, "UD relation");

/// What the syntax stage knows of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSyntax {
    pub upos: Upos,
    /// The token's head as an absolute token index; `None` for the sentence's root.
    pub head: Option<u32>,
    pub deprel: DepRel,
    /// The lemma's byte range in [`Syntax::lemmas`].
    pub lemma: (u32, u32),
}

/// The syntax layer of an article: one [`TokenSyntax`] per token, the lemmas' text, and each
/// token's dependents in text order, so that walking the tree allocates nothing.
#[derive(Debug, Clone, Default)]
pub struct Syntax {
    pub tokens: Vec<TokenSyntax>,
    /// Every lemma, concatenated; `TokenSyntax::lemma` indexes into it.
    pub lemmas: String,
    /// `children[child_start[i]..child_start[i + 1]]` are token `i`'s dependents, in text order.
    children: Vec<u32>,
    child_start: Vec<u32>,
}

impl Syntax {
    /// Builds the layer from per-token analyses whose heads are set; computes the dependents.
    pub fn new(tokens: Vec<TokenSyntax>, lemmas: String) -> Syntax {
        let n = tokens.len();
        let mut counts = vec![0u32; n + 1];
        for t in &tokens {
            if let Some(h) = t.head.filter(|&h| (h as usize) < n) {
                counts[h as usize + 1] += 1;
            }
        }
        for i in 1..=n {
            counts[i] += counts[i - 1];
        }
        let child_start = counts.clone();
        let mut fill = counts;
        let mut children = vec![0u32; child_start[n] as usize];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| (h as usize) < n) {
                let slot = &mut fill[h as usize];
                children[*slot as usize] = i as u32;
                *slot += 1;
            }
        }
        Syntax {
            tokens,
            lemmas,
            children,
            child_start,
        }
    }

    /// Whether the layer is present (the syntax stage ran on a non-empty body).
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The part of speech of token `i`.
    pub fn upos(&self, i: usize) -> Option<Upos> {
        self.tokens.get(i).map(|t| t.upos)
    }

    /// The head of token `i`, `None` for a root (or an index out of range).
    pub fn head(&self, i: usize) -> Option<usize> {
        self.tokens.get(i)?.head.map(|h| h as usize)
    }

    /// The relation of token `i` to its head.
    pub fn deprel(&self, i: usize) -> Option<DepRel> {
        self.tokens.get(i).map(|t| t.deprel)
    }

    /// The lemma of token `i` ("say" for "said").
    pub fn lemma(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.lemmas.get(t.lemma.0 as usize..t.lemma.1 as usize))
            .unwrap_or("")
    }

    /// Token `i`'s dependents, in text order.
    pub fn children(&self, i: usize) -> &[u32] {
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.children[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Token `i`'s dependents with relation `rel` (compared with subtypes: `Nsubj` does not
    /// match `nsubj:pass`; use [`Syntax::children_by_base`] for that).
    pub fn children_by(&self, i: usize, rel: DepRel) -> impl Iterator<Item = usize> + '_ {
        self.children(i)
            .iter()
            .map(|&c| c as usize)
            .filter(move |&c| self.tokens[c].deprel == rel)
    }

    /// Token `i`'s dependents whose relation's universal part is `rel` (`Nsubj` matches
    /// `nsubj` and `nsubj:pass`).
    pub fn children_by_base(&self, i: usize, rel: DepRel) -> impl Iterator<Item = usize> + '_ {
        self.children(i)
            .iter()
            .map(|&c| c as usize)
            .filter(move |&c| self.tokens[c].deprel.base() == rel.base())
    }

    /// The tokens of `i`'s subtree (itself and every descendant), as the smallest range of token
    /// indices that holds them. Trees from the parser are projective, so the range is exact.
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        if i >= self.tokens.len() {
            return i..i;
        }
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        while let Some(t) = stack.pop() {
            for &c in self.children(t) {
                let c = c as usize;
                lo = lo.min(c);
                hi = hi.max(c);
                stack.push(c);
            }
        }
        lo..hi + 1
    }

    /// The chain of heads above token `i`, nearest first, ending at its sentence's root.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        let mut steps = 0;
        std::iter::from_fn(move || {
            // A tree has no cycles; the bound keeps a hand-built, malformed layer from looping.
            steps += 1;
            if steps > self.tokens.len() {
                return None;
            }
            at = self.head(at)?;
            Some(at)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(upos: Upos, head: Option<u32>, deprel: DepRel) -> TokenSyntax {
        TokenSyntax {
            upos,
            head,
            deprel,
            lemma: (0, 0),
        }
    }

    #[test]
    fn every_label_reads_back_and_unknown_subtypes_fall_back() {
        for &r in DepRel::ALL {
            assert_eq!(DepRel::parse(r.as_str()), Some(r));
        }
        for &t in &Upos::ALL {
            assert_eq!(Upos::parse(t.as_str()), Some(t));
            assert_eq!(Upos::from_index(t as usize), Some(t));
        }
        assert_eq!(DepRel::parse("nmod:gmod"), Some(DepRel::Nmod));
        assert_eq!(
            DepRel::parse("nsubj:pass").map(DepRel::base),
            Some(DepRel::Nsubj)
        );
        assert_eq!(DepRel::parse("bogus"), None);
    }

    #[test]
    fn children_subtree_and_ancestors_follow_the_heads() {
        // "Protesters threw stones at police": threw is the root.
        let layer = Syntax::new(
            vec![
                tok(Upos::Noun, Some(1), DepRel::Nsubj),
                tok(Upos::Verb, None, DepRel::Root),
                tok(Upos::Noun, Some(1), DepRel::Obj),
                tok(Upos::Adp, Some(4), DepRel::Case),
                tok(Upos::Noun, Some(1), DepRel::Obl),
            ],
            String::new(),
        );
        assert_eq!(layer.children(1), &[0, 2, 4]);
        assert_eq!(
            layer.children_by(1, DepRel::Obj).collect::<Vec<_>>(),
            vec![2]
        );
        assert_eq!(layer.subtree(4), 3..5);
        assert_eq!(layer.subtree(1), 0..5);
        assert_eq!(layer.ancestors(3).collect::<Vec<_>>(), vec![4, 1]);
    }
}
