"""extract, extract_many and Pipeline on the example articles, and the same JSON as the
binary on the same inputs."""

import json

import pytest

import chronicle
from conftest import EXAMPLES, FOUNDING, canonical, json_lines


CONTRACT_KEYS = {
    "id", "url", "source", "published", "title", "description", "sections", "image_credit",
    "body", "sentences", "entities", "dates", "quotes", "places", "events", "tone", "themes",
    "counts", "amounts",
}


def test_every_example_article_comes_out_with_the_contract_and_its_layers(example_records):
    for record in example_records:
        article = chronicle.extract(record["text"], id=record["id"])
        assert CONTRACT_KEYS <= set(article), record["id"]
        assert article["id"] == record["id"]
        assert article["sentences"] and article["entities"], record["id"]
        body = article["body"]
        for entity in article["entities"]:
            assert body[entity["start"]:entity["end"]] == entity["text"]
    hanoi = chronicle.extract(
        (EXAMPLES / "05_hanoi_summit_collapse.txt").read_text(), id="hanoi"
    )
    assert any(e["source"].startswith("PRK") for e in hanoi["events"])
    assert any(q["text"] for q in hanoi["quotes"])


def test_the_founding_article_rules_out_talks_with_the_us():
    if not FOUNDING.exists():
        pytest.skip(f"{FOUNDING} is absent")
    article = chronicle.extract(FOUNDING.read_text(), published="2020-07-06")
    assert article["title"] == (
        "No Interest in Resumed Talks With the US: Senior North Korean Diplomat"
    )
    assert article["published"] == "2020-07-06"
    rejections = [
        e for e in article["events"]
        if e["source"].startswith("PRK") and e["target"] == "USA" and e["cameo"].startswith("12")
    ]
    assert rejections and rejections[0]["date"] == "2020-07-04"


def test_extract_equals_the_binary_on_the_example_files(cli, example_records):
    code, out, err = cli("extract", EXAMPLES)
    assert code == 0, err
    expected = {a["id"]: a for a in json_lines(out)}
    assert set(expected) == {r["id"] for r in example_records}
    for record in example_records:
        got = chronicle.extract(record["text"], id=record["id"])
        assert canonical(got) == canonical(expected[record["id"]]), record["id"]


def test_the_founding_article_with_a_default_date_equals_the_binary(cli):
    if not FOUNDING.exists():
        pytest.skip(f"{FOUNDING} is absent")
    code, out, err = cli("extract", FOUNDING, "--date", "2020-07-06")
    assert code == 0, err
    [expected] = json_lines(out)
    got = chronicle.extract(FOUNDING.read_text(), id=FOUNDING.stem, date="2020-07-06")
    assert canonical(got) == canonical(expected)


def test_extract_many_equals_the_binary_on_json_lines(cli, tmp_path, example_records):
    records = [
        dict(r, published=f"2019-0{i + 1}-1{i}", title=f"Title {i}", url=f"https://news.example/{i}")
        for i, r in enumerate(example_records)
    ]
    records.append({
        "id": "page",
        "html": "<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
                "<p>North Korea rejected new talks with the United States on Monday, "
                "a senior diplomat said in Pyongyang.</p></article></body></html>",
        "published": "2020-07-06",
    })
    records.append({"id": 42, "text": "Japan protested to China on Tuesday.", "date": "20200707"})
    pile = tmp_path / "pile.jsonl"
    pile.write_text("".join(json.dumps(r) + "\n" for r in records))
    code, out, err = cli("extract", pile)
    assert code == 0, err
    expected = json_lines(out)
    got = list(chronicle.extract_many(records, threads=2))
    assert [a["id"] for a in got] == [str(r["id"]) for r in records]
    assert [canonical(a) for a in got] == [canonical(a) for a in expected]


def test_strings_are_articles_named_by_their_digest_as_on_standard_input(cli):
    text = "North Korea fired a missile into the sea on Monday. Japan protested."
    code, out, err = cli("extract", "-", stdin=text)
    assert code == 0, err
    [expected] = json_lines(out)
    [got] = list(chronicle.extract_many([text]))
    assert got["id"].startswith("text:")
    assert canonical(got) == canonical(expected)
    assert canonical(chronicle.extract(text)) == canonical(expected)


def test_extract_many_keeps_input_order_across_batches_and_threads():
    texts = [
        ("Talks resumed in Geneva on day %d. " % i) * (1 + (i * 7) % 13) for i in range(300)
    ]
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    ids = [a["id"] for a in chronicle.extract_many(records, threads=2, batch=16)]
    assert ids == [r["id"] for r in records]


def test_a_pipeline_loads_once_and_extracts_like_the_module():
    pipeline = chronicle.Pipeline()
    assert pipeline.stages == [
        "segment", "syntax", "names", "places", "time", "quotes", "events", "gist"
    ]
    text = (EXAMPLES / "01_singapore_summit.txt").read_text()
    assert canonical(pipeline.extract(text, id="a")) == canonical(chronicle.extract(text, id="a"))
    [many] = list(pipeline.extract_many([{"id": "a", "text": text}]))
    assert canonical(many) == canonical(chronicle.extract(text, id="a"))


def test_a_users_gazetteer_is_loaded_and_a_bad_one_names_its_line(tmp_path):
    bad = tmp_path / "places.tsv"
    bad.write_text("this is not a gazetteer line\n")
    with pytest.raises(chronicle.ResourceError) as err:
        chronicle.Pipeline(gazetteer=bad)
    assert "places.tsv" in str(err.value)
    with pytest.raises(chronicle.ResourceError):
        chronicle.Pipeline(petrarch_dictionaries=tmp_path / "missing")
