"""Helpers of extra_trees.sh, the tri-training data of `chronicle train syntax --extra-trees`.

    extra_trees.py candidates PARSED.conllu OUT.conllu   sentences fit to train on
    extra_trees.py reverse IN.conllu[.gz] OUT.conllu      every sentence's words right to left
    extra_trees.py agree A.conllu B.conllu OUT.conllu     A's sentences on whose tree B agrees

Candidates are sentences of `chronicle parse` output of 5-30 words, in ASCII, tokenized as
the treebank spells them (no glued contraction such as "don't", no '' quotes, no title without
its full stop), ending in a full stop, a question or an exclamation mark; each text once.
Reversing renumbers heads and drops multiword ranges and empty nodes, so that a parser trained
on reversed sentences reads right to left. Agreement is on every word's UPOS, head and
relation; B is read in A's order (B may be reversed back first).
"""
import gzip
import re
import sys

GLUED = re.compile(r"[A-Za-z]'[A-Za-z]")
TITLES = {"Mr", "Mrs", "Ms", "Dr", "St"}


def blocks(path):
    """A CoNLL-U file's sentences as lists of lines."""
    opener = gzip.open if path.endswith(".gz") else open
    block = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                block.append(line)
            elif block:
                yield block
                block = []
    if block:
        yield block


def words(block):
    return [l.split("\t") for l in block if not l.startswith("#")]


def write(out, block):
    out.write("\n".join(block) + "\n\n")


def candidates(src, dst):
    seen, kept, total = set(), 0, 0
    with open(dst, "w", encoding="utf-8") as out:
        for block in blocks(src):
            total += 1
            forms = [w[1] for w in words(block)]
            text = next((l for l in block if l.startswith("# text = ")), "")
            if not 5 <= len(forms) <= 30 or not all(f.isascii() for f in forms):
                continue
            if any(GLUED.search(f) or f in ("''", "``", "`") or f in TITLES for f in forms):
                continue
            if forms[-1] not in (".", "?", "!") or text in seen:
                continue
            seen.add(text)
            kept += 1
            write(out, block)
    print(f"candidates: {kept} of {total} sentences", file=sys.stderr)


def reverse(src, dst):
    with open(dst, "w", encoding="utf-8") as out:
        for block in blocks(src):
            comments = [l for l in block if l.startswith("#")]
            ws = [w for w in words(block) if "-" not in w[0] and "." not in w[0]]
            n = len(ws)
            lines = list(comments)
            for k, w in enumerate(reversed(ws)):
                w = list(w)
                w[0] = str(k + 1)
                if w[6] not in ("_", "0"):
                    w[6] = str(n + 1 - int(w[6]))
                w[8] = "_"
                lines.append("\t".join(w))
            write(out, lines)


def agree(a_path, b_path, dst):
    key = lambda block: [(w[1], w[3], w[6], w[7]) for w in words(block)]
    kept = total = n_words = 0
    with open(dst, "w", encoding="utf-8") as out:
        for a, b in zip(blocks(a_path), blocks(b_path)):
            total += 1
            if key(a) == key(b):
                kept += 1
                n_words += len(key(a))
                write(out, a)
    print(f"agree: {kept} of {total} sentences ({n_words} words)", file=sys.stderr)


if __name__ == "__main__":
    commands = {"candidates": candidates, "reverse": reverse, "agree": agree}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
