//! Where an article starts and ends on pages built the way real sites build them: a short
//! story above long comments or teaser lists, a comment section inside the story's wrapper, a
//! standfirst in the page header, a second story boxed inside the first, credit and category
//! lines. Each page is written for its test; the sentences are ours.

use chronicle_html::{PageHints, extract_page};

fn body(html: &str) -> String {
    extract_page(html.as_bytes(), &PageHints::default()).body
}

fn assert_has(body: &str, wanted: &[&str]) {
    for w in wanted {
        assert!(body.contains(w), "{w:?} missing from:\n{body}");
    }
}

fn assert_lacks(body: &str, unwanted: &[&str]) {
    for u in unwanted {
        assert!(!body.contains(u), "{u:?} kept in:\n{body}");
    }
}

/// A reader comment long enough to read as prose.
fn comment(n: usize) -> String {
    format!(
        "<div class=\"reply\"><p>Reader {n} writes: I have taken that ferry for years, and the \
         crossing was always slow, crowded and late, so I am glad somebody finally looked at \
         the timetable, the fares and the old pier with fresh eyes.</p></div>"
    )
}

#[test]
fn short_story_above_a_comment_section_holding_most_of_the_page() {
    let comments: String = (0..12).map(comment).collect();
    let html = format!(
        "<html><head><title>Night ferry returns</title></head><body>\
         <div id=\"top\"><h1>Night ferry returns to the bay</h1></div>\
         <div class=\"story\"><p>The night ferry between the two harbours runs again from \
         Monday, the port authority said, after a winter without it.</p>\
         <p>Tickets cost the same as before, and the last boat leaves at eleven.</p></div>\
         <section class=\"comments-area\"><h2>What readers say</h2>{comments}</section>\
         </body></html>"
    );
    let body = body(&html);
    assert_has(
        &body,
        &["The night ferry between the two harbours", "last boat"],
    );
    assert_lacks(&body, &["Reader 3 writes", "What readers say"]);
}

#[test]
fn teaser_list_after_a_short_post() {
    let teasers: String = [
        "Lighthouse keeper retires",
        "Orchard wins prize",
        "Choir tours the coast",
        "Bakery opens at dawn",
    ]
    .iter()
    .map(|t| {
        format!(
            "<div class=\"next\"><h2><a href=\"/{t}\">{t}</a></h2><p>{t}: the whole village \
             turned out for it on Saturday, and the organisers said they had never seen so \
             many people on the green, in the rain, with umbrellas and flasks.</p>\
             <h3><a href=\"/{t}\">Read the rest</a></h3></div>"
        )
    })
    .collect();
    let html = format!(
        "<html><body><h1>Old mill gets a new wheel</h1><div id=\"main\">\
         <div id=\"post\"><p>Volunteers fitted a new oak wheel to the old mill on the river, \
         and it turned for the first time in forty years.</p></div>\
         <div id=\"more\">{teasers}</div></div></body></html>"
    );
    let body = body(&html);
    assert_has(&body, &["Volunteers fitted a new oak wheel"]);
    assert_lacks(
        &body,
        &["Lighthouse keeper", "the whole village", "Read the rest"],
    );
}

#[test]
fn sections_with_plain_headings_are_no_teasers() {
    let sections: String = ["The wheel", "The river", "The miller"]
        .iter()
        .map(|t| {
            format!(
                "<div class=\"part\"><h2>{t}</h2><p>{t} has its own story, which the volunteers \
                 wrote down over the winter, with the dates, the names and the costs of each \
                 repair they made.</p></div>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><article><h1>How the old mill was saved</h1>{sections}</article>\
         </body></html>"
    );
    let body = body(&html);
    assert_has(
        &body,
        &[
            "The wheel has its own story",
            "The miller has its own story",
        ],
    );
}

#[test]
fn comment_heading_inside_the_story_wrapper_ends_the_story() {
    let html = "<html><body><div class=\"content\"><h1>Town hall gets solar panels</h1>\
        <p>Workers put two hundred solar panels on the roof of the town hall this week, which \
        the council says will halve its electricity bill.</p>\
        <p>The panels were paid for by a grant, and the work took four days in all.</p>\
        <h3>Comments</h3>\
        <p>Advertise with the busiest site in the county: your message reaches thousands of \
        readers every single day of the week!</p>\
        </div></body></html>";
    let body = body(html);
    assert_has(&body, &["two hundred solar panels", "took four days"]);
    assert_lacks(&body, &["Comments", "Advertise with"]);
}

#[test]
fn related_box_in_mid_story_does_not_end_it() {
    let html = "<html><body><div class=\"content\"><h1>Harbour wall repaired</h1>\
        <div class=\"text\"><p>Masons finished the repair of the harbour wall on Tuesday, \
        three weeks ahead of the spring tides, the harbour master said.</p>\
        <h4>Related</h4><ul><li><a href=\"/a\">Storm damage survey</a></li></ul>\
        <p>The wall had cracked in two places during the January storm, and water had \
        reached the fish market twice since then.</p>\
        <p>The repair used stone from the old quarry above the town, as the first wall did \
        two hundred years ago.</p></div></div></body></html>";
    let body = body(html);
    assert_has(
        &body,
        &["Masons finished", "cracked in two places", "old quarry"],
    );
}

#[test]
fn standfirst_in_the_header_starts_the_body() {
    let paras: String = (0..4)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the story: the new library has reading rooms on three \
                 floors, a children's corner, and a garden, and it stays open until nine.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>New library opens</title></head><body>\
         <div class=\"head\"><h1>New library opens</h1>\
         <p class=\"lede\">The town's new library opened on Saturday, two years late and a \
         little over budget, to a queue around the square.</p>\
         <p class=\"byline\">By Ada Fenwick</p></div>\
         <div class=\"article-body\">{paras}</div></body></html>"
    );
    let body = body(&html);
    assert_has(
        &body,
        &["The town's new library opened on Saturday", "Paragraph 3"],
    );
    assert_lacks(&body, &["By Ada Fenwick"]);
    let lede = body.find("new library opened").unwrap_or(usize::MAX);
    let first = body.find("Paragraph 0").unwrap_or(0);
    assert!(lede < first, "the standfirst comes first:\n{body}");
}

#[test]
fn second_story_boxed_inside_the_first_is_left_out() {
    let paras: String = (0..5)
        .map(|i| {
            format!(
                "<p>Point {i}: farmers in the valley say the new market rules, which start in \
                 May, will cost them time, money and customers, and they want a delay.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"article\"><h1>Farmers ask for market delay</h1>{paras}\
         <div class=\"box\"><h3>Baker wins national bread prize</h3>\
         <p>By Tom Wheatley for the Valley Echo</p>\
         <p>A baker from the valley won the national bread prize on Friday with a rye loaf \
         made from a recipe her grandmother wrote down in 1950.</p></div>\
         <p>The council will hear the farmers' case at its next meeting, in April.</p>\
         </div></body></html>"
    );
    let body = body(&html);
    assert_has(&body, &["Point 0", "Point 4", "next meeting"]);
    assert_lacks(&body, &["Baker wins", "Tom Wheatley", "rye loaf"]);
}

#[test]
fn credit_and_category_lines_are_furniture() {
    let html = "<html><body><article><h1>Bus route changes</h1>\
        <p>News date : 03/02/2021 Category : Transport</p>\
        <p>The number 7 bus will no longer stop at the station from March, the operator said, \
        because the road there is being rebuilt.</p>\
        <p>Passengers can use the stop on Mill Lane instead, two minutes' walk away.</p>\
        <p><strong>VALLEYNEWS.EXAMPLE.COM</strong></p>\
        <p><b>Get the latest news straight to your phone with the Valley News app.</b></p>\
        </article></body></html>";
    let body = body(html);
    assert_has(&body, &["number 7 bus", "Mill Lane"]);
    assert_lacks(&body, &["Category", "VALLEYNEWS", "straight to your phone"]);
}

#[test]
fn anchor_left_open_is_no_link() {
    // Old hand-written pages open `<a name>` anchors and never close them; the text after
    // one is still the page's own prose, not link text.
    let html = "<html><body><h1>Setting up a tunnel</h1>\
        <h2><a name=\"why\">Why</h2>\
        <p><a name=\"intro\">I wanted the backups of my two machines to travel encrypted over \
        the open network, and the manual's examples no longer matched the current version.\
        <p>So I wrote down each step, from building the sources to testing the connection, \
        in the hope that it helps someone else.</p></body></html>";
    let body = body(html);
    assert_has(
        &body,
        &["I wanted the backups", "So I wrote down each step"],
    );
}

#[test]
fn teaser_box_inside_the_story_and_closing_notes_are_left_out() {
    let story: String = (0..3)
        .map(|i| {
            format!(
                "<p>Part {i}: the county's new recycling plant sorts glass, paper and metal by \
                 machine, and its managers say it will take most of the valley's waste by June.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><article><h1>Recycling plant opens</h1>{story}\
         <p><img src=\"plant.jpg\"><br><em>(Credit: Ada Fenwick / Valley Echo)</em></p>\
         <div class=\"inset\"><h4>Keep Reading</h4>\
         <p>The latest on waste, water and power in the valley, from the council and beyond</p></div>\
         <p>The plant cost twelve million pounds, most of it from a national fund for rural \
         councils, and it employs forty people on two shifts.</p>\
         <p><em>Tom Wheatley is a freelance writer who covers the environment for local papers \
         across the county.</em></p>\
         </article></body></html>"
    );
    let body = body(&html);
    assert_has(&body, &["Part 0", "Part 2", "twelve million pounds"]);
    assert_lacks(
        &body,
        &[
            "Credit:",
            "Keep Reading",
            "The latest on waste",
            "Tom Wheatley is",
        ],
    );
}

#[test]
fn headline_in_a_header_named_like_furniture_starts_the_body() {
    let paras: String = (0..3)
        .map(|i| {
            format!(
                "<p>Section {i}: the trade fair brings buyers from forty countries to the \
                 harbour town for five days of talks, visits and deals.</p>"
            )
        })
        .collect();
    let html = format!(
        "<html><head><title>Trade fair opens in the harbour town - Valley Echo</title></head>\
         <body><article><div class=\"entry-meta-wrap\"><h1>Trade fair opens in the harbour \
         town</h1><div class=\"date\">April 2</div></div>\
         <div class=\"entry-content\">{paras}</div></article></body></html>"
    );
    let body = body(&html);
    assert!(
        body.starts_with("Trade fair opens in the harbour town\n\n"),
        "{body}"
    );
}
