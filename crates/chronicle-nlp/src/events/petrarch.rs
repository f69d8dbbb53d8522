//! PETRARCH/TABARI verb dictionaries, loaded as they are, into the coder's own structures.
//!
//! The format: synsets (`&NAME` then `+PHRASE` lines), verb blocks (`--- VERB [code] ---`) that
//! list one or more verbs (`VERB {FORMS} [code]`, `+BREAK_DOWN`, `WIRE_+TAP`: `+` marks the head
//! inside a multi-word verb) and then patterns (`- WORDS * WORDS [code]`): `*` is the verb, `+` the
//! target, `$` the source, `^` a noun phrase to skip, `%` a compound actor, `&NAME` a synset, and
//! `_` joins two elements that must touch (a space lets words fall between). `<!-- -->` blocks and
//! `#` comments are skipped.

use super::dict::{Code, Elem, Pattern, Slot, VerbDictionary};
use super::words::{gerunds, normalise, third_person};

/// A verb line of a block, waiting for the block's patterns.
struct VerbLine {
    id: u32,
    code: Option<Code>,
    line: usize,
}

/// Reads a PETRARCH verb file into `dict`; `file` names it in rules. The older TABARI layout
/// (one `VERB [code] ;comment` line per verb, `{ FORMS }` lines, `{ A | B }` alternatives inside
/// patterns, `STEM~` words) is read too.
pub fn add_verbs(dict: &mut VerbDictionary, file: &str, text: &str) -> Result<(), String> {
    dict.petrarch = true;
    dict.gap = dict.gap.max(12);
    let tabari = !text.lines().any(|l| l.trim_start().starts_with("---"));
    dict.tabari |= tabari;
    let lines = clean_lines(text, tabari);
    read_synsets(dict, &lines);
    let mut block_code: Option<Code> = None;
    let mut verbs: Vec<VerbLine> = Vec::new();
    let mut patterns: Vec<Pattern> = Vec::new();
    let mut in_synset = false;
    for &(n, line) in &lines {
        if line.starts_with("---") {
            flush(dict, file, &mut verbs, &mut patterns, &block_code);
            block_code = bracket(line).map(Code::parse);
            in_synset = false;
        } else if line.starts_with('&') {
            in_synset = true;
        } else if in_synset && line.starts_with('+') {
            continue;
        } else if let Some(p) = line.strip_prefix('-') {
            in_synset = false;
            for alt in expand_braces(p) {
                if let Some(pat) = pattern(dict, file, n, &alt) {
                    patterns.push(pat);
                }
            }
        } else if tabari && line.starts_with('{') {
            if let Some(v) = verbs.last() {
                let forms: Vec<String> = line
                    .trim_matches(|c| c == '{' || c == '}' || c == ' ')
                    .split_whitespace()
                    .filter_map(|w| {
                        split_verb(w.trim_end_matches('_')).map(|(_, h, _)| normalise(&h))
                    })
                    .collect();
                dict.add_forms(v.id, &forms);
            }
        } else if tabari || !verbs.is_empty() || block_code.is_some() {
            in_synset = false;
            if tabari {
                flush(dict, file, &mut verbs, &mut patterns, &block_code);
                block_code = None;
            }
            if let Some(v) = verb_line(dict, line, n) {
                verbs.push(v);
            }
        }
    }
    flush(dict, file, &mut verbs, &mut patterns, &block_code);
    Ok(())
}

/// `DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS` → one pattern text per alternative.
fn expand_braces(p: &str) -> Vec<String> {
    let Some(open) = p.find('{') else {
        return vec![p.to_string()];
    };
    let Some(close) = p[open..].find('}').map(|c| c + open) else {
        return vec![p.to_string()];
    };
    let (head, tail) = (&p[..open], &p[close + 1..]);
    p[open + 1..close]
        .split('|')
        .flat_map(|alt| expand_braces(&format!("{head}{}{tail}", alt.trim())))
        .collect()
}

/// Non-empty lines with comments removed, numbered from 1.
fn clean_lines(text: &str, tabari: bool) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(e) => {
                    line = &line[e + 3..];
                    in_comment = false;
                }
                None => continue,
            }
        }
        if let Some(s) = line.find("<!") {
            match line[s..].find("-->") {
                Some(_) => line = &line[..s],
                None => {
                    in_comment = true;
                    line = &line[..s];
                }
            }
        }
        let mut line = line.split('#').next().unwrap_or("");
        if tabari {
            line = line.split(';').next().unwrap_or("");
        }
        let line = line.trim();
        if !line.is_empty() {
            out.push((i + 1, line));
        }
    }
    out
}

/// Collects every synset first: patterns may name a synset defined further down.
fn read_synsets(dict: &mut VerbDictionary, lines: &[(usize, &str)]) {
    let mut raw: Vec<(String, Vec<String>)> = Vec::new();
    let mut open = false;
    for &(_, line) in lines {
        if let Some(name) = line.strip_prefix('&') {
            raw.push((name.trim().to_ascii_uppercase(), Vec::new()));
            open = true;
        } else if let (true, Some(p), Some(last)) = (open, line.strip_prefix('+'), raw.last_mut()) {
            last.1.push(p.trim().to_string());
        } else {
            open = false;
        }
    }
    dict.synset_names = raw.iter().map(|(n, _)| n.clone()).collect();
    dict.synsets = vec![Vec::new(); raw.len()];
    for (i, (_, phrases)) in raw.iter().enumerate() {
        let mut seen = vec![i];
        let expanded = expand(&raw, phrases, &mut seen);
        dict.synsets[i] = expanded
            .iter()
            .map(|p| {
                p.split(['_', ' '])
                    .filter(|w| !w.is_empty())
                    .map(|w| dict.word_alts(&normalise(w)))
                    .collect()
            })
            .collect();
    }
}

/// Phrases of a synset with nested synsets (`+&TIETYPES`) spelt out; cycles are cut.
fn expand(raw: &[(String, Vec<String>)], phrases: &[String], seen: &mut Vec<usize>) -> Vec<String> {
    let mut out = Vec::new();
    for p in phrases {
        match p
            .strip_prefix('&')
            .and_then(|n| raw.iter().position(|(r, _)| r == n.trim()))
        {
            Some(j) if !seen.contains(&j) => {
                seen.push(j);
                out.extend(expand(raw, &raw[j].1, seen));
            }
            Some(_) => {}
            None => out.push(p.clone()),
        }
    }
    out
}

/// The inside of the first `[...]` of a line.
fn bracket(line: &str) -> Option<&str> {
    let s = line.find('[')?;
    let e = line[s..].find(']')? + s;
    Some(line[s + 1..e].trim())
}

/// `BREAK { BROKE BROKEN } [161]`, `+BREAK_DOWN {...}`, `WIRE_+TAP`, `LASH OUT`.
fn verb_line(dict: &mut VerbDictionary, line: &str, n: usize) -> Option<VerbLine> {
    let code = bracket(line).map(Code::parse);
    let head_part = line.split(['[', '{']).next().unwrap_or("").trim();
    let exact = head_part.ends_with('_') && !head_part.contains(' ');
    let forms_part = line
        .find('{')
        .and_then(|s| line[s + 1..].find('}').map(|e| &line[s + 1..s + 1 + e]));
    let (pre, head, particles) = split_verb(head_part.trim_start_matches('+'))?;
    let forms = forms_part.or(exact.then_some("")).map(|f| {
        let mut forms: Vec<String> = f
            .split_whitespace()
            .filter_map(|w| split_verb(w.trim_start_matches('+')).map(|(_, h, _)| normalise(&h)))
            .collect();
        let base = normalise(&head);
        forms.push(third_person(&base));
        forms.extend(gerunds(&base));
        forms.push(base);
        forms
    });
    let pre: Vec<String> = pre.iter().map(|w| normalise(w)).collect();
    let particles: Vec<String> = particles.iter().map(|w| normalise(w)).collect();
    let pre_refs: Vec<&str> = pre.iter().map(String::as_str).collect();
    let part_refs: Vec<&str> = particles.iter().map(String::as_str).collect();
    let id = dict.verb(&head, &pre_refs, &part_refs, false, forms.as_deref());
    Some(VerbLine { id, code, line: n })
}

/// Words of a multi-word verb split around its head (the `+` word, else the first).
fn split_verb(s: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let words: Vec<&str> = s.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let head = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let h = words.get(head)?.trim_start_matches('+').to_string();
    let pre = words[..head].iter().map(|w| w.to_string()).collect();
    let post = words[head + 1..]
        .iter()
        .map(|w| w.trim_start_matches('+').to_string())
        .collect();
    Some((pre, h, post))
}

/// `- + HOSTING * TABASKI ^ $ [042]` → a pattern; `None` when it has no `*`.
fn pattern(dict: &mut VerbDictionary, file: &str, n: usize, text: &str) -> Option<Pattern> {
    let code = Code::parse(bracket(text).unwrap_or("---"));
    let body = text.split('[').next().unwrap_or("");
    let mut items: Vec<(String, bool)> = Vec::new();
    let mut tight_next = false;
    for chunk in body.split_whitespace() {
        for (k, part) in chunk.split('_').enumerate() {
            if part.is_empty() {
                continue;
            }
            items.push((part.to_string(), k > 0 || tight_next));
        }
        tight_next = chunk.ends_with('_');
        if chunk.split('_').all(str::is_empty) {
            tight_next = true;
        }
    }
    let star = items.iter().position(|(w, _)| w == "*")?;
    let slot = |dict: &mut VerbDictionary, w: &str| -> Elem {
        match w {
            "+" => Elem::Target,
            "$" => Elem::Source,
            "^" => Elem::Skip,
            "%" => Elem::Compound,
            s if s.starts_with('&') => {
                let name = s[1..].to_ascii_uppercase();
                match dict.synset_names.iter().position(|x| *x == name) {
                    Some(i) => Elem::Synset(i as u32),
                    None => Elem::Word(dict.word_alts(&normalise(s))),
                }
            }
            s if s.ends_with('~') => {
                Elem::Word(dict.stem_alts(&normalise(s.trim_end_matches('~'))))
            }
            s => Elem::Word(dict.word_alts(&normalise(s))),
        }
    };
    let mut before = Vec::new();
    for i in 0..star {
        let tight = items.get(i + 1).is_some_and(|(_, t)| *t);
        let elem = slot(dict, &items[i].0);
        before.push(Slot { elem, tight });
    }
    let mut after = Vec::new();
    for (w, t) in &items[star + 1..] {
        let elem = slot(dict, w);
        after.push(Slot { elem, tight: *t });
    }
    let weight = (before.len() + after.len()) as u16;
    let rule = dict.rule(format!("{file}:{n}"));
    Some(Pattern {
        code,
        before,
        after,
        negated: false,
        rule,
        weight,
    })
}

/// Gives every verb of the finished block the block's patterns and its own default code.
fn flush(
    dict: &mut VerbDictionary,
    file: &str,
    verbs: &mut Vec<VerbLine>,
    patterns: &mut Vec<Pattern>,
    block: &Option<Code>,
) {
    for v in verbs.drain(..) {
        let mut own = patterns.clone();
        if let Some(code) = v.code.clone().or_else(|| block.clone()) {
            let rule = dict.rule(format!("{file}:{}", v.line));
            own.push(Pattern {
                code,
                before: Vec::new(),
                after: Vec::new(),
                negated: false,
                rule,
                weight: 0,
            });
        }
        dict.verbs[v.id as usize].patterns.extend(own);
    }
    patterns.clear();
}

/// A dictionary holding one PETRARCH verb file.
#[cfg(test)]
pub fn load_verbs(file: &str, text: &str) -> Result<VerbDictionary, String> {
    let mut dict = VerbDictionary::new(super::words::Irregulars::default());
    add_verbs(&mut dict, file, text)?;
    Ok(dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- header -->\n&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON  [345]  ---\nABANDON    # pas\n- * NEW_&TIETYPES_RELATIONS [903]\n- * DIPLOMATIC TIES [901]\n\n--- BREAK [1717] ---\nBREAK { BROKE BROKEN  }\n+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN +BROKEN_DOWN }\n- * TREATY  [161]\n\n--- LEFT  [032:033]  ---\nLEFT\n";

    #[test]
    fn reads_blocks_synsets_and_forms() {
        let d = load_verbs("v.txt", SAMPLE).unwrap();
        assert_eq!(d.synsets.len(), 1);
        let abandon = &d.verbs[0];
        assert_eq!(abandon.patterns.len(), 3);
        let p = &abandon.patterns[0];
        assert!(
            matches!(p.after[1].elem, Elem::Synset(0)) && p.after[1].tight && !p.after[0].tight
        );
        assert_eq!(abandon.patterns[2].code.main.as_deref(), Some("345"));
        assert!(d.heads.contains_key(&d.id("broken")));
        let down = d.verbs.iter().find(|v| !v.particles.is_empty()).unwrap();
        assert_eq!(down.lemma, "break");
        let left = d.verbs.iter().find(|v| v.lemma == "left").unwrap();
        assert_eq!(left.patterns[0].code.reverse.as_deref(), Some("033"));
        assert_eq!(d.rules[left.patterns[0].rule as usize], "v.txt:17");
    }
}
