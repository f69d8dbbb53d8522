//! Content choice that fails safe: short stories on pages whose furniture outweighs them, on
//! pages written for these tests, one phenomenon each. Class names are meaningless (`css-…`), as
//! on sites that build their markup with CSS-in-JS, so only the text can tell story from
//! furniture.

use chronicle_html::{PageHints, extract_page};

const HEADLINE: &str = "Council backs new clinic";
const P1: &str = "The council voted on Tuesday to fund a walk-in clinic on Mill Road, which will open next year.";
const P2: &str = "Nurses will staff it six days a week, the health board said.";

const ADDRESS: &str = "<p>Valley Ledger Media, Inc., 1625 Harbor Street, NW, Suite 900, Riverton, VA 22301, United States</p>\
<p>Phone: +1 (202) 555-0143, Fax: +1 (202) 555-0199, Email: newsroom@valleyledger.example</p>\
<p>Registered in Delaware, company number 4471203, VAT number GB 123 4567 89, registered office: 12 Quay Lane, Riverton, VA 22302</p>\
<p>Advertising: ads@valleyledger.example, Subscriptions: subs@valleyledger.example, Corrections: fixes@valleyledger.example</p>\
<p>Copyright © 2021 Valley Ledger Media, Inc. All rights reserved. Terms of use, privacy policy, cookie policy, accessibility.</p>";

fn story() -> String {
    format!("<h1>{HEADLINE}</h1><p>{P1}</p><p>{P2}</p>")
}

fn body(html: &str) -> String {
    extract_page(html.as_bytes(), &PageHints::default()).body
}

fn assert_story(what: &str, body: &str) {
    for p in [P1, P2] {
        assert!(body.contains(p), "{what}: story lost:\n{body}");
    }
    for furniture in [
        "1625 Harbor Street",
        "555-0143",
        "company number",
        "All rights reserved",
    ] {
        assert!(
            !body.contains(furniture),
            "{what}: {furniture:?} in the body:\n{body}"
        );
    }
}

#[test]
fn a_short_story_above_a_long_address_footer() {
    let html = format!(
        "<html><body><div class=\"css-k2j1\"><div class=\"css-9a8b\">{}</div></div>\
         <div class=\"css-77qz\"><div class=\"css-1x0p\">{ADDRESS}</div></div></body></html>",
        story()
    );
    assert_story("footer", &body(&html));
}

#[test]
fn a_short_story_beside_a_contact_column() {
    let html = format!(
        "<html><body><div class=\"css-a\"><div class=\"css-b\">{ADDRESS}</div>\
         <div class=\"css-c\">{}</div></div></body></html>",
        story()
    );
    assert_story("column", &body(&html));
}

#[test]
fn a_story_rendered_by_scripts_is_read_from_json_ld() {
    // The visible page is furniture only; the story is in JSON-LD articleBody.
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"headline\":\"{HEADLINE}\",\"articleBody\":\"{P1}\\n{P2}\"}}</script></head>\
         <body><div id=\"root\"></div><div class=\"css-f\">{ADDRESS}</div></body></html>"
    );
    assert_story("json-ld", &body(&html));
}

#[test]
fn the_description_says_which_prose_is_the_story() {
    // Two candidates beside the furniture: the JSON-LD body the description echoes wins over
    // a longer run of an unrelated promotion.
    let promo = "<p>Subscribers can read every edition of the paper on their phones, tablets and computers, at home or away, for less than a coffee a week.</p>\
                 <p>Our reporters cover the valley's councils, courts, schools and sports clubs, and every week they bring the stories that matter to you.</p>\
                 <p>Join the thousands of readers who already support independent local journalism in the valley, and get our newsletter every morning.</p>";
    let html = format!(
        "<html><head><meta property=\"og:description\" content=\"The council voted to fund a walk-in clinic on Mill Road.\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{P1}\\n{P2}\"}}</script></head>\
         <body><div class=\"css-f\">{ADDRESS}</div><aside class=\"css-p\"><ul><li>{promo}</li></ul></aside></body></html>"
    );
    let body = body(&html);
    assert_story("description", &body);
}

#[test]
fn a_contact_page_without_prose_keeps_its_contacts() {
    // Nothing better on the page: the fail-safe must not throw away what there is.
    let html = format!(
        "<html><body><h1>Contact us</h1><div class=\"css-q\">{ADDRESS}</div></body></html>"
    );
    let body = body(&html);
    assert!(body.contains("1625 Harbor Street"), "{body}");
}

#[test]
fn a_long_article_that_mentions_an_address_is_left_alone() {
    let para = "Residents of 14 Mill Road said the works had gone on for months, and that the noise, the dust and the closed pavement had kept customers away from the shops.";
    let mut html = String::from("<html><body><div class=\"css-s\"><h1>Works on Mill Road</h1>");
    for _ in 0..8 {
        html.push_str(&format!("<p>{para}</p>"));
    }
    html.push_str("<p>Call the council on +44 1632 960 123 for details.</p></div>");
    html.push_str(&format!(
        "<div class=\"css-f\">{ADDRESS}</div></body></html>"
    ));
    let body = body(&html);
    assert!(
        body.contains(para) && body.contains("+44 1632 960 123"),
        "{body}"
    );
    assert!(!body.contains("1625 Harbor Street"), "{body}");
}
