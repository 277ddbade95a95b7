//! Tests of the body reader, on small pages written for them.

use super::lines::is_slide_counter;
use super::*;
use scraper::Html;

fn body_of(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    paragraphs(document.root_element())
}

/// The body of a page holding one `<article>`: its `<h1>` headline, then `inner`.
fn article_body(title: &str, inner: &str) -> Vec<String> {
    body_of(&format!("<html><body><article><h1>{title}</h1>{inner}</article></body></html>"))
}

/// The body of a page holding one `<div class="post">` (a blog's post set
/// in no `<article>`) around `inner`.
fn post_body(inner: &str) -> Vec<String> {
    body_of(&format!("<html><body><div class=\"post\">{inner}</div></body></html>"))
}

/// Asserts that some paragraph of `body` passes `test`, showing the body if none does.
#[track_caller]
fn assert_kept(body: &[String], test: impl Fn(&String) -> bool) {
    assert!(body.iter().any(test), "{body:?}");
}

/// Asserts that no paragraph of `body` passes `test`, showing the body if one does.
#[track_caller]
fn assert_dropped(body: &[String], test: impl Fn(&String) -> bool) {
    assert!(!body.iter().any(test), "{body:?}");
}

/// Asserts that each of `kept` is a paragraph of `body` and none of `dropped` is.
#[track_caller]
fn assert_lines(body: &[String], kept: &[&str], dropped: &[&str]) {
    for line in kept {
        assert!(body.iter().any(|p| p == line), "{line:?} missing: {body:?}");
    }
    for line in dropped {
        assert!(!body.iter().any(|p| p == line), "{line:?} kept: {body:?}");
    }
}

/// The kinds of a page's tables, outer tables first.
fn table_kinds(html: &str) -> Vec<TableKind> {
    let document = Html::parse_document(html);
    Page::read(document.root_element(), true, false, "").containers.iter().filter_map(|c| c.table_kind).collect()
}

#[test]
fn keeps_the_article_and_drops_the_clutter() {
    let page = r#"<html><body>
        <div class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>
        <div class="content"><div class="article-body">
          <h1>Bridge opens</h1>
          <p>The mayor opened the bridge on Sunday, two years after work began on it, and thanked the builders.</p>
          <h2>Crowds on the banks</h2>
          <p>Thousands of people lined the river banks to watch the ceremony, which ended with fireworks.</p>
          <p>Read more: <a href="/x">Another story about bridges</a></p>
          <ul><li>First point of a list, inside the article.</li><li>Second point of the list.</li></ul>
          <blockquote>"It is a great day for the city," the mayor said.</blockquote>
        </div>
        <div class="related"><h3>Related</h3><ul><li><a href="/a">Old bridge closes after storm damage</a></li></ul></div>
        <div id="comments"><p>Great article, thanks for writing it, I loved every word of it.</p></div>
        </div><footer><p>Copyright 2025 Example Daily, all rights reserved.</p></footer></body></html>"#;
    let body = body_of(page);
    assert_eq!(
        body,
        [
            "The mayor opened the bridge on Sunday, two years after work began on it, and thanked the builders.",
            "Crowds on the banks",
            "Thousands of people lined the river banks to watch the ceremony, which ended with fireworks.",
            "First point of a list, inside the article.",
            "Second point of the list.",
            "\"It is a great day for the city,\" the mayor said.",
        ]
    );
}

#[test]
fn a_linked_subheading_between_long_paragraphs_is_kept() {
    let long = "The game puts you inside a tunnel of light and sound, and every beat you hit \
                changes the track a little, so that no two runs through it ever sound the same; \
                it is hard at first, then it becomes the most absorbing thing on the headset, and the one we \
                came back to most often.";
    let inner = format!(
        r#"<p>{long}</p>
        <h3><a href="/game-one">"Game One" ($20)</a></h3><p>{long}</p>
        <h3><a href="/game-two">"Game Two" ($30)</a></h3><p>{long}</p>
        <h3><a href="/other">Another story</a></h3><p>A short teaser for it.</p>"#
    );
    let body = article_body("The eight best games", &inner);
    assert_lines(&body, &["\"Game One\" ($20)", "\"Game Two\" ($30)"], &["Another story"]);
}

#[test]
fn link_lists_do_not_make_a_body() {
    let page = r#"<html><body><div class="front">
        <div><a href="/1">Council votes on the new budget after a long debate in the chamber</a></div>
        <div><a href="/2">Storm closes schools across the region for the second day running</a></div>
        </div></body></html>"#;
    assert!(body_of(page).is_empty());
}

const PROSE: &str = "The council met on Tuesday evening and voted, after a long debate, to rebuild the old bridge.";

#[test]
fn a_form_banner_or_aside_that_wraps_the_page_is_not_clutter() {
    for (open, close) in [
        (r#"<form id="aspnetForm" action="/x">"#, "</form>"),
        (r#"<header role="banner">"#, "</header>"),
        (r#"<aside class="direct-content">"#, "</aside>"),
    ] {
        let page = format!(
            "<html><body>{open}<div class=\"search\"><input name=q></div><main><article><h1>Bridge to be rebuilt</h1>\
             <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></main>{close}</body></html>"
        );
        assert_eq!(body_of(&page), [PROSE, PROSE, PROSE], "{open}");
    }
    let search = format!("<html><body><form><p>Search the site</p><input name=q></form><p>{PROSE}</p></body></html>");
    assert_eq!(body_of(&search), [PROSE]);
}

#[test]
fn a_list_holding_most_of_the_text_keeps_the_text_around_it() {
    let step = "Beat the eggs with the sugar until the mixture is pale, thick and creamy, about five minutes.";
    let page = format!(
        "<html><body><div class=\"recipe\"><h1>Sponge cake</h1><p>{PROSE}</p><h2>Ingredients</h2>\
         <ul><li>4 eggs</li><li>100 g sugar</li></ul><ol class=\"steps\"><li><p>{step}</p></li>\
         <li><p>{step}</p></li><li><p>{step}</p></li><li><p>{step}</p></li></ol></div></body></html>"
    );
    let body = body_of(&page);
    assert_eq!(body.first().map(String::as_str), Some(PROSE));
    assert_kept(&body, |p| p == "100 g sugar");
    assert_eq!(body.iter().filter(|p| *p == step).count(), 4);
}

#[test]
fn text_right_under_a_headline_is_said_to_be() {
    let document = Html::parse_document(&format!(
        "<html><body><h1>Bridge to be rebuilt, council says</h1><p class=\"byline\">By Jane Doe</p>\
         <div><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    ));
    assert!(body(document.root_element(), "").under_headline);
    let document = Html::parse_document(&format!(
        "<html><body><h1><a href=\"/\">Example Daily News Online</a></h1><div><p>{PROSE}</p></div></body></html>"
    ));
    assert!(!body(document.root_element(), "").under_headline);
}

#[test]
fn builder_widgets_folded_text_and_layout_modifiers_are_not_clutter() {
    let boxed = "The box holds a paragraph of its own, long enough to count as a paragraph of prose here, \
                 and then some more words, so that it reads as a folded part of the article.";
    let wrapped = |open: &str| {
        format!(
            "<html><body><div class=\"sidebar\"><ul><li><a href=\"/a\">Other news</a></li></ul></div>\
             <div class=\"post\"><p>{PROSE}</p><p>{PROSE}</p>{open}<p>{boxed}</p><p>{boxed}</p></div><p>{PROSE}</p></div></body></html>"
        )
    };
    for open in [
        r#"<div class="elementor-widget-wrap">"#,
        r#"<div class="widget Blog" id="Blog1">"#,
        r#"<div class="read-more">"#,
        r#"<div class="o-section o-section--has-ads">"#,
        r#"<div class="main skip2">"#,
    ] {
        assert_eq!(body_of(&wrapped(open)), [PROSE, PROSE, boxed, boxed, PROSE], "{open}");
    }
    for open in [r#"<div class="elementor-widget-share-buttons">"#, r#"<div class="skip-link">"#] {
        assert_eq!(body_of(&wrapped(open)), [PROSE, PROSE, PROSE], "{open}");
    }
}

#[test]
fn the_article_header_keeps_its_standfirst() {
    let lead = "A council vote on Tuesday settled years of argument over the future of the crossing.";
    let page = format!(
        "<html><body><div class=\"site-header\"><p>Example Daily: news from the valley and the hills</p></div>\
         <div class=\"article-header\"><h1>Bridge to be rebuilt</h1><p class=\"lead\">{lead}</p></div>\
         <div class=\"text\"><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    );
    assert_eq!(body_of(&page), [lead, PROSE, PROSE]);
}

#[test]
fn teasers_beside_the_article_are_not_its_prose() {
    let teasers: String = (0..8)
        .map(|i| {
            format!("<p>Storm number {i} closes schools across the region again <a href=\"/{i}\">Full Article</a></p>")
        })
        .collect();
    let page = format!(
        "<html><body><div class=\"columns\"><div class=\"column1\"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>\
         <div class=\"column2\"><div class=\"module\">{teasers}</div></div></div></body></html>"
    );
    assert_eq!(body_of(&page), [PROSE, PROSE, PROSE]);
}

#[test]
fn without_an_h1_the_standfirst_under_the_headline_is_kept() {
    let lead = "A council vote on Tuesday settled years of argument over the future of the crossing.";
    let page = format!(
        "<html><body><div class=\"news\"><div class=\"row\"><h3>Bridge to be rebuilt</h3></div>\
         <div class=\"row\"><div class=\"intro\"><p>{lead}</p></div></div>\
         <div class=\"row\"><div class=\"text\"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>\
         </div></body></html>"
    );
    assert_eq!(body_of(&page), [lead, PROSE, PROSE, PROSE]);
}

#[test]
fn share_prompts_author_boxes_and_teaser_headings_are_dropped() {
    for line in [
        "Teilen mit:",
        "Gefällt mir Wird geladen...",
        "Über den Autor",
        "Permalink https://example.com/p/1",
        "For the latest stories and breaking news download our app.",
        "Category : Press Releases",
    ] {
        let page =
            format!("<html><body><div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{line}</p></div></body></html>");
        assert_eq!(body_of(&page), [PROSE, PROSE, PROSE], "{line}");
    }
}

#[test]
fn linked_points_of_a_list_in_the_text_are_kept() {
    let inner = format!(
        "<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>\
         <ul><li><a href=\"/review\">Here is our year in review, at last!</a></li><li>A point without a link, said in a few more words.</li><li>Another point without a link.</li></ul>\
         <p>{PROSE}</p>"
    );
    assert!(post_body(&inner).iter().any(|p| p == "Here is our year in review, at last!"));
    let links: String =
        (0..6).map(|i| format!("<li><a href=\"/{i}\">Another story of the town, number {i}</a></li>")).collect();
    assert_eq!(post_body(&format!("<p>{PROSE}</p><p>{PROSE}</p><ul>{links}</ul>")), [PROSE, PROSE]);
}

#[test]
fn a_standfirst_set_as_a_sub_heading_is_kept() {
    let deck = "A council vote on Tuesday settled years of argument over the future of the old crossing.";
    let page = format!(
        "<html><body><article><header><h1>Bridge to be rebuilt</h1><h2 class=\"deck\">{deck}</h2></header>\
         <div class=\"text\"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></article></body></html>"
    );
    assert_eq!(body_of(&page), [deck, PROSE, PROSE, PROSE]);
    let long_deck = "A council vote on Tuesday settled years of argument over the future of the old crossing and its tolls for lorries";
    assert_eq!(body_of(&page.replace(deck, long_deck)), [long_deck, PROSE, PROSE, PROSE]);
    // Right under the headline, a deck needs neither a full stop nor a hundred characters.
    let subtitle = "The council settles years of argument over the future of the crossing in one vote";
    assert_eq!(body_of(&page.replace(deck, subtitle)), [subtitle, PROSE, PROSE, PROSE]);
    // Further down, such a heading is not the standfirst.
    let page = page.replace("</h1>", "</h1><p class=\"kicker\">Bridges</p>");
    assert!(!body_of(&page.replace(deck, subtitle)).iter().any(|p| p == subtitle));
}

#[test]
fn a_paywall_container_holding_the_article_and_a_table_figure_are_kept() {
    let long = format!("{PROSE} {PROSE}");
    let page = format!(
        "<html><body><div class=\"entry-content\"><div class=\"article-container steady-paywall-container\">\
         <p>{long}</p><p>{long}</p><p>{long}</p></div></div><div class=\"paywall\"><p>Subscribe now</p></div></body></html>"
    );
    assert_eq!(body_of(&page), [long.as_str(), &long, &long]);
    let inner = format!(
        "<p>{PROSE}</p><p>{PROSE}</p><figure class=\"wp-block-table\"><table>\
         <tr><td>Fees for a withdrawal in pounds</td><td>1 GBP</td></tr></table></figure><p>{PROSE}</p>"
    );
    assert!(post_body(&inner).iter().any(|p| p == "Fees for a withdrawal in pounds"));
}

#[test]
fn gallery_counters_are_dropped() {
    assert!(is_slide_counter("1 of 8"));
    assert!(is_slide_counter("3 / 12"));
    assert!(!is_slide_counter("1 of the 8 bridges"));
    assert!(!is_slide_counter("2024"));
    let page = format!("<html><body><div><p>1 of 8</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></body></html>");
    assert_eq!(body_of(&page), [PROSE, PROSE, PROSE]);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let page = "<div>".repeat(5000) + "text" + &"</div>".repeat(5000);
    let _ = body_of(&page);
}

#[test]
fn a_press_release_ends_at_its_contact_label() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <p><strong>Kontakt:</strong></p>
        <p>Dr. Erika Muster, Pressestelle, Telefon 030 1234567, presse@example.org</p>"#
    );
    assert_eq!(article_body("Institute opens a new laboratory", &inner), [PROSE, PROSE, PROSE]);
}

#[test]
fn a_contact_entry_of_a_menu_does_not_end_the_article() {
    // The label among other short entries is a menu, not the release's tail.
    let inner = format!(
        r#"
        <p>{PROSE}</p><p>{PROSE}</p>
        <div><span>Presse</span></div><div><span>Kontakt</span></div><div><span>Termine</span></div>
        <p>{PROSE}</p>
        "#
    );
    let body = article_body("Institute opens a new laboratory", &inner);
    assert_eq!(body.last().map(String::as_str), Some(PROSE));
    assert_kept(&body, |p| p == "Kontakt");
}

#[test]
fn an_invitation_to_subscribe_at_the_end_is_dropped() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <p>Want more stories like this? Subscribe to our weekly newsletter.</p>"#
    );
    assert_eq!(article_body("Council votes to rebuild the bridge", &inner), [PROSE, PROSE]);
}

#[test]
fn a_reading_time_line_is_dropped() {
    let inner = format!(r#"<div><span>4 min read</span></div><p>{PROSE}</p><p>{PROSE}</p>"#);
    assert_eq!(article_body("Council votes to rebuild the bridge", &inner), [PROSE, PROSE]);
}

#[test]
fn an_article_split_over_grid_rows_is_kept_whole() {
    // The lead sits in one row of the grid, the text in the next: the top
    // container is the text's column; the lead's row repeats its row's class.
    let lead = "The city will rebuild the old bridge by 2027, the council decided on Tuesday after a long debate that lasted until late in the evening, and the mayor, who had asked for it for years, welcomed the decision.";
    let page = format!(
        r#"<html><body><div class="article">
        <div class="row"><div class="col-12"><div class="lead"><p>{lead}</p></div></div></div>
        <div class="row"><div class="col-8"><div class="text"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>
          <div class="col-4"><ul><li><a href="/a">Another story</a></li><li><a href="/b">A third story</a></li></ul></div></div>
        </div></body></html>"#
    );
    assert_eq!(body_of(&page), [lead, PROSE, PROSE, PROSE, PROSE, PROSE, PROSE]);
}

#[test]
fn an_author_box_is_not_article_text() {
    let inner = format!(
        r#"<div class="entry-content"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
        <div class="post-author"><p>Jane Doe covers city hall and has written about bridges for twenty years.</p></div>"#
    );
    assert_eq!(article_body("Council votes to rebuild the bridge", &inner), [PROSE, PROSE, PROSE]);
    // A container named for its author that holds the paragraphs is the article.
    let long = format!("{PROSE} {PROSE}");
    let page = format!(
        r#"<html><body><div class="by-author"><h1>My column</h1><p>{long}</p><p>{long}</p></div></body></html>"#
    );
    // (Read with the names, without the second walk that ignores them.)
    let document = Html::parse_document(&page);
    assert_eq!(Page::read(document.root_element(), true, false, "").body().paragraphs, [long.as_str(), long.as_str()]);
}

#[test]
fn a_caption_outside_a_figure_is_dropped_unless_it_holds_the_headline() {
    let page = format!(
        "<html><body><div class=\"text\"><p>{PROSE}</p><div class=\"image\"><img src=\"a.jpg\">\
         <figcaption>The old bridge in 1950 (Photo: Archive)</figcaption></div><p>{PROSE}</p></div></body></html>"
    );
    assert_eq!(body_of(&page), [PROSE, PROSE]);
    let lead = "A council vote on Tuesday settled years of argument over the future of the crossing.";
    let page = format!(
        "<html><body><div class=\"top\"><figure><img src=\"a.jpg\"></figure><figcaption><h1>Bridge to be rebuilt</h1>\
         <p>{lead}</p></figcaption></div><div class=\"text\"><p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
    );
    assert_eq!(body_of(&page), [lead, PROSE, PROSE]);
}

#[test]
fn a_paragraph_named_a_caption_byline_or_sign_up_box_is_dropped() {
    for class in ["media__caption", "postmetadata alt", "byline", "newsletter-signup__description"] {
        let page = format!(
            "<html><body><div class=\"text\"><p>{PROSE}</p><p class=\"{class}\">A line that is not the article's</p>\
             <p>{PROSE}</p><p>{PROSE}</p></div></body></html>"
        );
        assert_eq!(body_of(&page), [PROSE, PROSE, PROSE], "{class}");
    }
    // Other names of a paragraph do not make it clutter.
    let page = format!(
        "<html><body><div class=\"text\"><p>{PROSE}</p><p class=\"share-intro\">{PROSE}</p></div></body></html>"
    );
    assert_eq!(body_of(&page), [PROSE, PROSE]);
}

#[test]
fn a_teaser_list_named_for_articles_is_clutter() {
    let page = r#"<html><body><article>
        <p>The council voted on Tuesday to keep the library open for another five years, after a long campaign.</p>
        <p>Campaigners had gathered more than ten thousand signatures and filled the public gallery for the vote.</p>
        <p>The library will now open on Sundays as well, and the council will review its budget again in two years.</p>
        <div class="related-articles"><p>Council closes the swimming pool after a vote in the spring of last year.</p></div>
        </article></body></html>"#;
    let body = body_of(page);
    assert_eq!(body.len(), 3, "{body:?}");
}

#[test]
fn a_section_id_made_from_its_heading_is_not_a_name() {
    let page = r#"<html><body><main>
        <p>Version control keeps the history of a project, and every change is a commit made by someone.</p>
        <p>A commit records who made the change, when it was made and why, in a message written by its author.</p>
        <p>Commits can be amended or reordered while they are private, which keeps the history easy to read.</p>
        <div class="section" id="sharing-the-history-safely"><h2>Sharing the history safely</h2>
        <p>Once a change is pushed to others it should not be rewritten, as they may have built on it.</p></div>
        </main></body></html>"#;
    let body = body_of(page);
    assert_kept(&body, |p| p.starts_with("Once a change"));
}

#[test]
fn an_author_box_is_clutter_but_an_author_post_class_is_not() {
    let page = r#"<html><body><article class="post author-jane-smith">
        <p>The council voted on Tuesday to keep the library open for another five years, after a long campaign.</p>
        <p>Campaigners had gathered more than ten thousand signatures and filled the public gallery for the vote.</p>
        <p>The library will now open on Sundays as well, and the council will review its budget again in two years.</p>
        <div class="author-bio"><p>Jane Smith covers local politics and has written for the paper since 2010.</p></div>
        </article></body></html>"#;
    let body = body_of(page);
    assert_eq!(body.len(), 3, "{body:?}");
    assert!(body[0].starts_with("The council"));
}

#[test]
fn an_accreditation_under_the_headline_is_no_photo_credit() {
    let inner = r#"<div class="content-header__accreditation"><div class="dek">After a long campaign, the council changes its mind about the town library.</div></div>
        <p>The council voted on Tuesday to keep the library open for another five years, after a long campaign.</p>
        <p>Campaigners had gathered more than ten thousand signatures and filled the public gallery for the vote.</p>
        <p>The library will now open on Sundays as well, and the council will review its budget again in two years.</p>"#;
    let body = article_body("Library stays open", inner);
    assert_kept(&body, |p| p.starts_with("After a long campaign"));
}

#[test]
fn a_short_grid_row_under_its_own_sub_heading_joins_the_article() {
    let inner = r#"<div class="body-fields">
        <div class="field-item"><div class="article-text"><div class="text-item"><p>For months now, farm and forest tracks near the village have been blocked again and again by large branches, keeping farmers, hunters and owners from passing, and in an emergency also keeping ambulances from reaching the rescue points in the woods, the police said.</p></div></div></div>
        <div class="field-item"><div class="article-text"><h2>Police ask for witnesses</h2><div class="text-item"><p>The police are now investigating for coercion and ask any witnesses to call the local station on its number.</p></div></div></div>
        </div>"#;
    let body = article_body("Forest tracks blocked", inner);
    assert_kept(&body, |p| p.starts_with("The police are now"));
}

#[test]
fn an_article_part_is_named_in_any_case_but_not_by_a_layout_modifier() {
    let document = Html::parse_document(
        r#"<div id="a" class="wrap Story-Body"></div><div id="b" class="has-story-body"></div>
           <div id="c" class="sidebar"></div>"#,
    );
    let named = |id: &str| {
        let el = document.root_element().descendent_elements().find(|e| e.value().id() == Some(id));
        el.is_some_and(|el| names_article_part(el.value()))
    };
    assert!(named("a"));
    assert!(!named("b"));
    assert!(!named("c"));
}

#[test]
fn page_builder_rows_numbered_apart_join_the_article_when_they_hold_prose() {
    // Divi numbers each row and module: the lead's row differs from the
    // text's only by those numbers, four wrappers above the text.
    let lead = "The city will rebuild the old bridge by 2027, the council decided on Tuesday after a long debate that lasted until late in the evening, and the mayor, who had asked for it for years, welcomed the decision warmly.";
    let row = |n: usize, inner: &str| {
        format!(
            r#"<div class="et_pb_row et_pb_row_{n}"><div class="et_pb_column et_pb_column_4_4"><div class="et_pb_module et_pb_text et_pb_text_{n}"><div class="et_pb_text_inner">{inner}</div></div></div></div>"#
        )
    };
    let text = format!("<p>{PROSE}</p>").repeat(14);
    // A row of figures with a sentence under them is a box, not the article.
    let figures = "<ul><li>Length: 120 metres</li><li>Cost: 14 million</li><li>Lanes: two</li><li>Opening: spring 2027</li><li>Builder: to be chosen</li><li>Tender: this summer</li><li>Works: two years long</li><li>Detour: via the ring road</li><li>Toll: none planned</li><li>Bus lines: four, rerouted</li><li>Cycle lanes: on both sides</li><li>Lighting: new, all LED</li></ul><p>The figures come from the council's own plans for the bridge, as they were shown to the public at the town hall last month, printed in the local papers and put up on the notice boards of every district office.</p>";
    let page = format!(
        r#"<html><body><div class="et_pb_section et_pb_section_0">{}{}{}</div></body></html>"#,
        row(0, &format!("<p>{lead}</p>")),
        row(1, &text),
        row(2, figures)
    );
    let body = body_of(&page);
    assert_eq!(body.first().map(String::as_str), Some(lead), "{body:?}");
    assert_dropped(&body, |p| p.starts_with("The figures"));
}

#[test]
fn a_figure_holding_the_headline_keeps_its_standfirst() {
    let standfirst = "The national team will start the year in March with two matches against Spain, after the January camp was called off.";
    let page = format!(
        r#"<html><body><section class="news">
        <figure class="teaser"><img src="a.jpg"><h1>Camp called off again</h1><p>{standfirst}</p></figure>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <figure><img src="b.jpg"><figcaption>The team at its last camp, in Berlin in the autumn.</figcaption></figure>
        </section></body></html>"#
    );
    let body = body_of(&page);
    assert_eq!(body, [standfirst, PROSE, PROSE, PROSE], "{body:?}");
}

#[test]
fn a_headline_wrapping_its_text_in_a_div_is_still_the_headline() {
    let standfirst = "A batch of short and long term measures was presented yesterday to contain the violence in the south of the country.";
    let page = format!(
        r#"<html><body><article>
        <div class="titles"><div class="hl"><h1><div style="color:">Interior's plan against the crisis</div></h1></div>
        <div class="author"><a href="/a">Ann Smith</a></div><p class="excerpt">{standfirst}</p></div>
        <div class="single-content"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
        </article></body></html>"#
    );
    let body = body_of(&page);
    assert_eq!(body, [standfirst, PROSE, PROSE, PROSE, PROSE], "{body:?}");
}

#[test]
fn a_dateline_opening_a_paragraph_is_its_first_words() {
    let inner = format!(
        r#"
        <div class="dateline">Published Feb 18, 2020</div>
        <div class="entry"><p><span class="dateline">KOBE – </span>A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday.</p>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"#
    );
    let body = article_body("Masks stolen from hospital", &inner);
    assert_eq!(
        body.first().map(String::as_str),
        Some("KOBE – A total of 6,000 surgical masks have been lost at a hospital in Kobe, it was learned Tuesday."),
        "{body:?}"
    );
    assert_dropped(&body, |p| p.starts_with("Published"));
}

#[test]
fn a_section_named_as_a_jump_target_holds_text() {
    let location = "The little village lies in the hills of the Eifel, a short drive from the lakes, with a bakery, a pub and a playground within a few minutes' walk of the house.";
    let inner = format!(
        r##"<div class="jump-links"><a href="#jumplage">Location</a> <a href="#jumpprices">Prices</a></div>
        <div class="description"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>
        <section id="jumplage"><h2>Location</h2><p>{location}</p></section>"##
    );
    let body = article_body("Holiday house in the hills", &inner);
    assert_kept(&body, |p| p == location);
    assert_dropped(&body, |p| p.contains("Prices"));
}

#[test]
fn an_article_footer_that_holds_paragraphs_is_text() {
    let long = "The dog was trained for a year and a half for this one veteran, who can now walk \
                further than before because the leash in his hand makes him feel safe and stable.";
    let page = format!(
        r#"<html><body><article><h1>A service dog and his veteran</h1>
        <p>{long}</p><footer class="meta-data"><div class="transcript"><p>{long} One.</p>
        <p>{long} Two.</p><p>{long} Three.</p></div></footer></article>
        <footer><p>{long} Site.</p><p>{long} Site.</p><p>{long} Site.</p></footer></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.ends_with("Three."));
    assert_dropped(&body, |p| p.ends_with("Site."));
}

#[test]
fn text_set_in_an_aside_is_read_when_there_is_no_other() {
    let slide = "Bring the colours of the season indoors: a simple glass vase turns a few branches of \
                 maple and oak into a display, and a bowl of gourds does the rest.";
    let page = format!(
        r#"<html><body><div class="main"><h1>Fall centerpieces</h1><p>Easy ideas for your table.</p></div>
        <aside class="rightcolumn"><div class="slideshow"><ul>
        <li><h2>Fall branches in a vase</h2><p>{slide}</p></li>
        <li><h2>Gourd vases</h2><p>{slide}</p></li></ul></div></aside></body></html>"#
    );
    let body = body_of(&page);
    assert_lines(&body, &["Gourd vases", slide], &[]);
    // Beside the article's text, an aside is a sidebar.
    let article = format!(
        r#"<html><body><article><h1>Fall centerpieces</h1><p>{slide} One.</p><p>{slide} Two.</p></article>
        <aside><p>{slide} Aside.</p></aside></body></html>"#
    );
    assert!(!body_of(&article).iter().any(|p| p.ends_with("Aside.")));
}

#[test]
fn a_point_of_its_own_words_in_a_list_of_links_is_kept() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <ul><li>Students will work on the picture-in-picture player again next term.</li>
        <li>In progress:<ul><li><a href="/b1">Bug 1 – The player window opens on top of another one</a></li>
        <li><a href="/b2">Bug 2 – Add telemetry for the use of several players at once</a></li>
        <li><a href="/b3">Bug 3 – The full-screen player follows a change of the video source</a></li></ul></li></ul>
        "#
    );
    let body = article_body("These weeks in the browser", &inner);
    assert_kept(&body, |p| p.starts_with("Students will work"));
}

#[test]
fn a_formula_in_mathml_is_text() {
    let inner = format!(
        r#"<p>{PROSE}</p>
        <p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, there are two solutions.</p>
        <mjx-container class="MathJax CtxtMenu_Attached_0"><mjx-assistive-mml display="block">
        <math display="block"><mi>x</mi><mo>=</mo><mi>y</mi></math></mjx-assistive-mml></mjx-container>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"#
    );
    let body = article_body("Samples of formulas", &inner);
    assert_lines(&body, &["When a ≠ 0 , there are two solutions.", "x = y"], &[]);
}

#[test]
fn a_second_copy_of_the_text_is_dropped() {
    let other = "Crews will start on the eastern bank in March and hope to finish before the river rises.";
    let page = format!(
        r#"<html><body><article><h1>Bridge to be rebuilt</h1>
        <div class="small-screen"><p>{PROSE}</p><p>{other}</p></div>
        <div class="large-screen"><p>{PROSE}</p><p>{other}</p></div></article></body></html>"#
    );
    assert_eq!(body_of(&page), [PROSE, other]);
    // One paragraph said again is the text's own.
    let refrain = format!(
        r#"<html><body><article><h1>A song</h1><p>{PROSE}</p><p>{PROSE}</p><p>{other}</p></article></body></html>"#
    );
    assert_eq!(body_of(&refrain), [PROSE, PROSE, other]);
}

#[test]
fn the_sites_copyright_notice_at_the_end_is_dropped() {
    let notice = "© 2014 Example Media. All rights reserved. Use of this site constitutes acceptance of our \
                  User Agreement and Privacy Policy. The material on this site may not be reproduced, \
                  distributed, transmitted, cached or otherwise used, except with prior written permission.";
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <p>{notice}</p>"#
    );
    assert_eq!(article_body("Going gray", &inner), [PROSE, PROSE, PROSE]);
}

#[test]
fn a_heading_linked_to_its_place_on_the_page_is_kept() {
    let inner = format!(
        r##"<p>{PROSE}</p>
        <h2><a class="toc-backref" href="#contents">Example 2: Amend again locally</a></h2><p>{PROSE}</p>
        <h2><a href="/other-story">Another story entirely</a></h2><p>{PROSE}</p>"##
    );
    let body = article_body("Sharing history", &inner);
    assert_lines(&body, &["Example 2: Amend again locally"], &["Another story entirely"]);
}

#[test]
fn a_linked_value_in_a_table_of_data_is_kept() {
    let row = |name: &str, size: &str| {
        format!(
            r#"<tr><td><div><a href="/app/{size}">{name}</a></div></td><td><div>{size} MB smaller than the original</div></td></tr>"#
        )
    };
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <table>{}{}</table><p>{PROSE}</p>
        <table><tr><td><a href="/a">Step-by-step guide to the base camp</a></td><td><a href="/b">Add a gift card to your cart</a></td></tr></table>"#,
        row("Google Maps", "18.8"),
        row("Farm Heroes Saga", "71.1")
    );
    let body = article_body("Smaller updates", &inner);
    assert_kept(&body, |p| p == "Farm Heroes Saga");
    assert_dropped(&body, |p| p.starts_with("Add a gift card"));
}

#[test]
fn ruby_is_read_inline_without_its_readings() {
    let word = r#"<a href="javascript:void(0)" class="dicWin"><ruby><span class="under">虐待</span><rt>ぎゃくたい</rt></ruby></a>"#;
    let inner = format!(
        r#"
        <p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの{word}をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、親が子どもを教育するために、たたいたりしないことになりました。</p>
        <p>{PROSE}</p>"#
    );
    let body = article_body("法律", &inner);
    assert_kept(&body, |p| p.starts_with("子どもへの虐待をなくすための法律ができて、"));
}

#[test]
fn a_quote_widget_in_the_story_is_kept_and_other_widgets_are_not() {
    let inner = format!(
        r#"<p>{PROSE}</p>
        <div class="widget commercial"><p>Buy the best bitters in town at our partner shop today.</p></div>
        <div class="widget quote longtext"><h6>«Do you know where in Zurich one can buy bitters?» I think so, why?</h6></div>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Bitters", &inner);
    assert_kept(&body, |p| p.starts_with("«Do you know where in Zurich"));
    assert_dropped(&body, |p| p.starts_with("Buy the best"));
}

#[test]
fn a_table_of_data_holding_most_of_the_text_keeps_the_text_around_it() {
    let page = r#"<html><body>
        <div class="menu"><a href="/">Home</a> <a href="/films">Films</a></div>
        <div class="content">
          <h1>Films with time loops</h1>
          <p>This list of films, in order of release, gathers those in which the characters relive a day.</p>
          <table class="wikitable">
            <tr><th>Film</th><th>Year</th><th>Description</th></tr>
            <tr><td>Repeat</td><td>1947</td><td>A woman relives the year before she shot her husband, on New Year's Eve.</td></tr>
            <tr><td>Groundhog</td><td>1993</td><td>A weatherman covering a festival in a small town relives the same day.</td></tr>
            <tr><td>Edge</td><td>2014</td><td>A soldier killed in battle against aliens wakes up the day before it.</td></tr>
            <tr><td>Palm</td><td>2020</td><td>Two guests at a wedding in the desert are stuck in the same day together.</td></tr>
            <tr><td>Happy</td><td>2017</td><td>A student is murdered on her birthday and relives the day to find the killer.</td></tr>
            <tr><td>Source</td><td>2011</td><td>A soldier relives the last minutes of a man on a train to find a bomb on it.</td></tr>
            <tr><td>Triangle</td><td>2009</td><td>A group of friends on a yacht board an empty liner where the same hours repeat.</td></tr>
            <tr><td>Russian</td><td>2019</td><td>A game developer keeps dying at her own birthday party and coming back to it.</td></tr>
          </table>
          <p>Films are listed by the year of their first release in cinemas, in any country of the world.</p>
        </div></body></html>"#;
    let body = body_of(page);
    assert_eq!(
        body.first().map(String::as_str),
        Some("This list of films, in order of release, gathers those in which the characters relive a day.")
    );
    assert_kept(&body, |p| p.starts_with("Edge | 2014 | A soldier killed"));
    assert_eq!(
        body.last().map(String::as_str),
        Some("Films are listed by the year of their first release in cinemas, in any country of the world.")
    );
}

#[test]
fn an_old_layout_table_is_walked_into_for_its_text_cell() {
    // A page of 2002: the menu in one cell, the story in the next, its
    // paragraphs separated by line breaks, the site's notes in a row below.
    // All its text is in cells, but not spread over them as data is.
    let page = format!(
        r#"<html><body><h1>Bridge to be rebuilt</h1><table width="760">
        <tr><td width="160"><a href="/">Home</a><br><a href="/news">News</a><br>Weather today: 12 degrees and cloudy</td>
        <td>{PROSE}<br><br>{PROSE} Again.<br><br>{PROSE} Once more, at last.</td></tr>
        <tr><td colspan="2">Site notes: best viewed at 800 by 600 pixels in any browser</td></tr>
        </table></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.ends_with("Once more, at last."));
    // The menu's cell, beside the story's in one row, still comes along.
    assert_dropped(&body, |p| p.starts_with("Site notes"));
}

#[test]
fn the_links_of_a_page_laid_out_in_a_table_are_no_data() {
    let page = format!(
        r#"<html><body><table><tr><td><a href="/">Home</a><br><a href="/news">News</a></td>
        <td><h1>Bridge to be rebuilt</h1><p>{PROSE} {PROSE} {PROSE}</p><p>{PROSE}</p>
        <p><a href="/print/1">Print this story</a></p>
        <p><a href="/">Back to top</a></p></td></tr></table></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p == "Print this story" || p == "Back to top");
}

#[test]
fn a_copyright_sentence_of_the_story_is_kept() {
    let page = format!(
        r#"<html><body><article><h1>Ruling</h1><p>{PROSE}</p><p>{PROSE}</p>
        <p>Copyright holders have until March to respond to the ruling, the court said on Friday in a short statement read out to the reporters waiting outside the building.</p>
        </article><p>© 2014 Example Media. All rights reserved.</p></body></html>"#
    );
    let body = body_of(&page);
    assert!(body.last().is_some_and(|p| p.starts_with("Copyright holders")), "{body:?}");
}

#[test]
fn a_formulas_tex_source_is_not_read() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <p>The area is <span class="katex"><span class="katex-mathml"><math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>
        <annotation encoding="application/x-tex">x^2</annotation></semantics></math></span></span> for a side of x, as the council's engineers wrote.</p>
        "#
    );
    let body = article_body("Squares", &inner);
    assert_kept(&body, |p| p.starts_with("The area is x"));
    assert_dropped(&body, |p| p.contains("x^2"));
}

#[test]
fn a_themes_plain_wrappers_beyond_the_grandparent_are_not_the_article() {
    let pitch = "The Daily Example is an independent newsroom funded by its readers: every gift, large or \
                 small, pays for the reporting you read here, and keeps it free for everyone in the city. Thank you for standing with us this year.";
    let page = format!(
        r#"<html><body>
        <div class="container"><div class="row"><div class="col-md-8"><div class="entry"><h1>Bridge</h1>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>
        <div class="col-md-4"></div></div></div>
        <div class="container"><p>{pitch}</p></div>
        </body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p.starts_with("The Daily Example"));
}

#[test]
fn an_embedded_posts_signature_is_kept_with_it() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <blockquote class="twitter-tweet"><p>Power is out in the main terminal, no flights for now.</p>
        <p>&mdash; Jane Doe (@janedoe) <a href="https://twitter.com/janedoe/status/1">December 22, 2014</a></p></blockquote>
        <p>{PROSE}</p><p>May 2, 2014 at noon</p>"#
    );
    let body = article_body("Outage", &inner);
    assert_kept(&body, |p| p == "— Jane Doe (@janedoe) December 22, 2014");
    // A plain dateline still goes.
    assert_dropped(&body, |p| p.starts_with("May 2, 2014"));
}

#[test]
fn an_embedded_post_mostly_of_links_is_kept() {
    let inner = format!(
        r##"<p>{PROSE}</p><p>{PROSE}</p>
        <blockquote class="twitter-tweet"><p>Our deepest condolences <a href="/hashtag/flight">#flight8501</a>
        <a href="http://t.co/x">pic.twitter.com/Nli9H4c2md</a></p>&mdash; Jo (@jo)
        <a href="https://twitter.com/jo/status/1">December 30, 2014</a></blockquote>
        <p>{PROSE}</p><p><a href="/a">#flight8501</a> <a href="/b">pic.twitter.com/Nli9H4c2md</a></p>"##
    );
    let body = article_body("Search resumes", &inner);
    assert_kept(&body, |p| p.starts_with("Our deepest condolences #flight8501"));
    assert_kept(&body, |p| p == "— Jo (@jo) December 30, 2014");
    // The same links outside a quote, without words of their own, are a link list.
    assert_eq!(body.iter().filter(|p| p.contains("#flight8501")).count(), 1, "{body:?}");
}

#[test]
fn a_box_of_teasers_inside_the_story_is_dropped_alone() {
    let long = "The new platters hold up to six terabits on each square inch, which the maker says will let \
                drives of eighty terabytes be built, though it would not say when the first of them ships.";
    let teasers = r#"<div class="box"><div><h3>Related</h3><ul><li><a href="/a">Storage prices fall again</a></li>
        <li><a href="/b">A disk drive made of glass</a></li></ul></div></div>"#;
    let inner = format!("<p>{PROSE}</p><p>{PROSE}</p><p>{long}</p>{teasers}<p>{long} So we wait.</p>");
    let body = article_body("Bigger disks", &inner);
    assert_kept(&body, |p| p.ends_with("So we wait."));
    assert_dropped(&body, |p| p == "Related" || p.starts_with("Storage prices"));
    // Teasers under the heading, each summary in its own card, end the article.
    let cards = format!(
        r#"<div class="box"><h3>Related</h3></div><div class="card"><p>{long}</p></div><div class="card"><p>{long}</p></div>"#
    );
    let inner = format!("<p>{PROSE}</p><p>{long}</p><p>{long}</p><p>{long}</p><p>{long}</p>{cards}");
    assert_eq!(article_body("Bigger disks", &inner).len(), 5);
}

#[test]
fn a_footnotes_linked_marker_is_a_word_of_its_own() {
    let inner = format!(
        r##"<p>{PROSE}</p><p>{PROSE}</p><p>Alerts go off<sup><a href="#fn22">22</a></sup> at 5000 m<sup>2</sup>.</p>
        <div class="footnotes"><p><sup><a href="#ref22">22</a></sup>Sometimes known as alert spam.</p></div>"##
    );
    let body = article_body("Monitoring", &inner);
    assert_lines(&body, &["Alerts go off 22 at 5000 m2.", "22 Sometimes known as alert spam."], &[]);
}

#[test]
fn a_quote_holding_most_of_a_post_is_part_of_it() {
    let quoted = "Raben- versus Gluckenmütter: diese Front besteht bis heute, trotz fast hundert Jahren \
                  Frauenemanzipation, und der Druck auf mütterliches Wohlverhalten wächst mit jedem Jahr weiter an.";
    let page = format!(
        r#"<html><body><div class="entry-content"><p>Im Radio lief gerade ein Beitrag zum Thema:</p>
        <blockquote><p><strong>Freude, Falle, Frust</strong></p><p>{quoted}</p><p>{quoted}</p><p>{quoted}</p></blockquote>
        <p>Hier ein <a href="/podcast.mp3">Link zum Podcast,</a> der nur 20 Minuten dauert.</p></div></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("Hier ein Link zum Podcast"));
    assert_kept(&body, |p| p.starts_with("Im Radio"));
}

#[test]
fn a_teaser_card_under_an_empty_link_is_a_link() {
    let card = |n: u32| {
        format!(
            r#"<div class="tile"><a href="/story/{n}" class="primary"></a><span class="rubrik">Politics</span>
            <div class="full-tile"><span class="hed">Story {n}</span><span class="dek">Critics say the film is not fair to the president, because it is about a movement.</span></div></div>"#
        )
    };
    let page = format!(
        r#"<html><body><article><h1>Strikes</h1><div class="body"><p>{PROSE} {PROSE}</p><p>{PROSE} {PROSE}</p></div>
        <div class="more-stories">{}{}{}</div></article></body></html>"#,
        card(1),
        card(2),
        card(3)
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p.contains("Critics say"));
}

#[test]
fn a_line_of_the_articles_authors_is_clutter() {
    let inner = format!(
        r#"
        <div class="article__info"><div class="info-item authors"><strong>Autori:</strong> Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)</div></div>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"#
    );
    let body = article_body("Landslide", &inner);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p.contains("Anna Ūdre"));
}

#[test]
fn a_short_story_with_a_stray_empty_link_is_no_card() {
    let body = post_body(
        r#"<a href="/2014/12/bridge"></a><h1>Bridge</h1>
        <p>The council met on Tuesday evening and voted to rebuild the old bridge.</p>
        <p>Work starts in May and should be done by the autumn, the mayor said.</p>"#,
    );
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_kept(&body, |p| p.starts_with("Work starts"));
}

#[test]
fn a_caption_ending_in_its_credit_is_not_text() {
    let inner = format!(
        r#"<p>{PROSE}</p>
        <div class="image"><p>Lee Elder drew the crowds at the Masters. | © Augusta National/Getty Images</p></div>
        <p>{PROSE}</p><p>{PROSE}</p><p>The club's founder wrote the rules. © 2002, 2003 Jane Doe</p>"#
    );
    let body = article_body("Masters", &inner);
    assert_dropped(&body, |p| p.starts_with("Lee Elder"));
    // A copyright with a year is no picture's credit.
    assert_kept(&body, |p| p.starts_with("The club's founder"));
}

#[test]
fn a_contributors_box_is_clutter() {
    let inner = format!(
        r#"
        <div class="clearfix contributor"><p class="name">Alya Mooro</p><p class="role">Contributing Writer</p></div>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>"#
    );
    let body = article_body("Weekend", &inner);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p == "Contributing Writer" || p == "Alya Mooro");
}

#[test]
fn a_disclosure_or_disclaimer_is_clutter() {
    let inner = format!(
        r#"
        <p class="disclosure-text">We recommend the best products through an independent review process, and advertisers do not influence our picks.</p>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <div class="aawp-disclaimer"><p>Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links.</p></div>
        "#
    );
    let body = article_body("Best kettles", &inner);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p.starts_with("We recommend") || p.starts_with("Letzte"));
}

#[test]
fn a_short_sentence_of_the_story_that_opens_with_copyright_is_kept() {
    let inner = format!(
        r#"<p>{PROSE}</p>
        <p>Copyright law changed in 1998, when Congress added twenty years to the terms.</p>
        <p>© 2024 Example Daily</p><p>{PROSE}</p><p>Copyright Example Daily</p><p>{PROSE}</p>"#
    );
    let body = article_body("Old songs", &inner);
    assert_kept(&body, |p| p.starts_with("Copyright law changed"));
    // The site's notices are still dropped, as the notice test judges them.
    assert_dropped(&body, |p| p.starts_with('©') || p == "Copyright Example Daily");
}

#[test]
fn a_linked_subheading_after_an_entrys_line_of_links_is_kept() {
    let review = |n: u32| {
        format!(
            "The documentary (number {n} on the list) follows two artists across the French countryside, pasting \
             huge portraits of the people they meet onto barns, trains and water towers; it is as funny as it is \
             moving, and nothing else this year felt so generous."
        )
    };
    let links = |n: u32| {
        format!(
            r#"<p>Film {n} is streaming on <a href="/n">Netflix</a> and is also available to rent or to buy on <a href="/g">Google Play</a>.</p>"#
        )
    };
    let inner = format!(
        r#"<p>{}</p>{}
        <h3><a href="/review-two">2) Faces Places</a></h3><p>{}</p>{}
        <h3><a href="/review-one">1) Lady Bird</a></h3><p>{}</p>"#,
        review(3),
        links(3),
        review(2),
        links(2),
        review(1)
    );
    let body = article_body("The best films of the year", &inner);
    assert!(body.iter().any(|p| p == "2) Faces Places"), "{body:?}");
    assert!(body.iter().any(|p| p == "1) Lady Bird"), "{body:?}");
}

#[test]
fn an_h1_between_the_articles_paragraphs_heads_a_section() {
    let page = format!(
        r#"<html><body><main><article><h1>Monitoring systems</h1><p>{PROSE}</p><p>{PROSE}</p>
        <section><h1>Why monitor?</h1><p>{PROSE}</p><p>{PROSE}</p></section>
        <section><h1>Symptoms and causes</h1><p>{PROSE}</p></section></article>
        <article><header><h1>The next story</h1></header><p>{PROSE}</p></article></main></body></html>"#
    );
    let body = body_of(&page);
    assert_lines(&body, &["Why monitor?", "Symptoms and causes"], &["Monitoring systems", "The next story"]);
}

#[test]
fn an_h1_over_a_quote_or_a_sub_heading_heads_a_section() {
    let page = format!(
        r#"<html><body><main><article><h1>Monitoring systems</h1><p>{PROSE}</p><p>{PROSE}</p>
        <h1>What is profiling?</h1><blockquote><div><p>{PROSE}</p></div></blockquote><p>{PROSE}</p>
        <h1>Existing tools</h1><h2>Command-line flags</h2><p>{PROSE}</p>
        <aside><h1>Newsletter</h1></aside><p>{PROSE}</p></article>
        <article><header><h1>The next story</h1></header><p>{PROSE}</p></article></main></body></html>"#
    );
    let body = body_of(&page);
    assert_lines(
        &body,
        &["What is profiling?", "Existing tools", "Command-line flags"],
        &["Monitoring systems", "Newsletter", "The next story"],
    );
}

#[test]
fn a_linked_point_of_a_numbered_list_article_is_kept() {
    let inner = format!(
        r#"<div class="entry"><p>{PROSE}</p>
        <p>1. <strong>The mayor's bridge.</strong> It was opened twice, once for the cameras and once for the traffic, a week apart.</p>
        <p>2. <strong><a href="/a">The council's long debate over the parking meters on Main Street</a></strong></p>
        <p>3. <a href="/b"><strong>The summer the river flooded the market square</strong>.</a></p>
        <p>{PROSE}</p></div>
        <div class="more"><p>1. <a href="/c">Most read: the night the lights went out in the old town</a></p>
        <p>2. <a href="/d">Most read: the baker who fed the whole street for a week</a></p></div>"#
    );
    let body = article_body("The worst moments of the year", &inner);
    assert_kept(&body, |p| p.starts_with("2. The council's long debate"));
    assert_kept(&body, |p| p.starts_with("3. The summer the river"));
    assert_dropped(&body, |p| p.contains("Most read"));
}

#[test]
fn a_sentence_that_links_most_of_its_words_is_kept() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <p>The response, from all quarters, including the developer himself, someone who is so sensitive to criticism that the word is
        <a href="/a">enough to shut him down for a week, as he wrote in a long post that spring</a>, who <a href="/b">blocked a friend of mine for the crime of pointing out that his review of podcasting microphones left out everyone without the money for such expensive gear</a>, is, in a single word, disgusting.</p>
        <p>Read more: <a href="/c">The council's long debate over the bridge, and what the builders said about it afterwards in the city hall.</a></p>
        <p>{PROSE}</p>"#
    );
    let body = article_body("The pile-on", &inner);
    assert_kept(&body, |p| p.starts_with("The response, from all quarters"));
    assert_dropped(&body, |p| p.starts_with("Read more"));
}

#[test]
fn a_line_with_a_time_and_an_author_is_metadata_unless_a_sentence() {
    let inner = format!(
        r#"
        <p><span>Le Monde</span> | <time datetime="2015-05-04">04.05.2015 à 13h36</time> • Mis à jour le
        <time datetime="2015-05-05">05.05.2015 à 20h13</time> | Par <a rel="author" href="/j/mu">Martin Untersinger</a> (avec Damien Leloup)</p>
        <p>{PROSE}</p><p>{PROSE}</p>
        <p>The vote, held on <time datetime="2015-05-05">5 May</time>, was the largest majority for a security law in a decade.</p>
        "#
    );
    let body = article_body("Surveillance law passes", &inner);
    assert_dropped(&body, |p| p.starts_with("Le Monde"));
    assert_kept(&body, |p| p.starts_with("The vote, held on 5 May"));
}

#[test]
fn a_listed_link_with_words_of_its_own_is_a_point_of_the_text() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <h4>New contributors</h4>
        <ul><li>manekenpix <a href="/b/1">converted some of the DevTools code</a> to use DOM Promises</li>
        <li>gero <a href="/b/2">removed the windowtype attribute from the dialogs</a> where it was not needed</li>
        <li><a href="/b/3">Bug 1677080 – Fullscreen window is affected by switching video source</a></li>
        <li>2 December 2019: <a href="/b/4">a report on the evening news of the second channel</a></li></ul>
        <p>{PROSE}</p>"#
    );
    let body = article_body("These weeks in the browser", &inner);
    assert_kept(&body, |p| p.starts_with("2 December 2019: a report"));
    assert_kept(&body, |p| p.starts_with("manekenpix converted"));
    assert_kept(&body, |p| p.starts_with("gero removed"));
    assert_dropped(&body, |p| p.starts_with("Bug 1677080"));
}

#[test]
fn a_drupal_node_promoted_to_the_front_is_no_promotion_box() {
    let about = "The Example Gazette has reported on the city and its river since 1871, from the council chamber \
                 to the market square; our newsroom is owned by a trust and answers to its readers alone, \
                 and every story we publish is checked by two editors before it goes out.";
    let page = format!(
        r#"<html><body><h1>Bridge</h1><div class="node node-article node-promoted clearfix">
        <div class="content"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></div>
        <div class="about"><p>{about}</p></div></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The council met"));
}

#[test]
fn a_heading_slug_without_the_headings_accents_is_still_its_slug() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <h2 id="im-fruhjahr-zwei-seminare-mit-dem-partner">Im Frühjahr: zwei Seminare mit dem Partner</h2>
        <p>{PROSE}</p><p>{PROSE}</p>"#
    );
    let body = article_body("Seminars", &inner);
    assert_kept(&body, |p| p == "Im Frühjahr: zwei Seminare mit dem Partner");
}

#[test]
fn a_short_standfirst_marked_as_the_description_is_kept() {
    let page = format!(
        r#"<html><body><article><header><h1>Exploit crashes game servers</h1>
        <h2 itemprop="description">Two-year-old bug exposes thousands of servers.</h2>
        <h2>Short heading of some box.</h2></header>
        <div class="article-content"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></article></body></html>"#
    );
    let body = body_of(&page);
    assert_eq!(body.first().map(String::as_str), Some("Two-year-old bug exposes thousands of servers."), "{body:?}");
    assert_dropped(&body, |p| p.starts_with("Short heading"));
}

#[test]
fn a_short_linked_point_among_points_of_the_text_is_kept() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <ul><li>Is this a planned purchase?</li><li>Will it end up in the clutter pile one day?</li>
        <li><a href="/where-will-it-go">Where am I going to put it</a>?</li><li>Have I included this in my budget?</li></ul>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Before you buy", &inner);
    assert_kept(&body, |p| p == "Where am I going to put it?");
}

#[test]
fn a_heading_named_as_a_jump_target_is_kept() {
    let inner = format!(
        r#"
        <div class="jump-menu"><a href="/a">Definitions</a> <a href="/b">Why monitor?</a></div>
        <p>{PROSE}</p><p>{PROSE}</p>
        <h2 class="heading jumptargets">Why monitor?</h2><p>{PROSE}</p><p>{PROSE}</p>"#
    );
    let body = article_body("Monitoring", &inner);
    assert_kept(&body, |p| p == "Why monitor?");
    assert_dropped(&body, |p| p.contains("Definitions"));
}

#[test]
fn a_live_blogs_entries_beside_their_icon_links_are_no_teaser_cards() {
    let entry = |n: u32| {
        format!(
            r#"<div class="entry"><a class="icon-link" href="https://example.com/live?entry={n}"></a>
            <span>14:{n}0</span><p>{PROSE} Entry {n}.</p></div>"#
        )
    };
    let entries: String = (1..=5).map(entry).collect();
    let page = format!("<html><body><article><h1>Live: bridge vote</h1>{entries}</article></body></html>");
    let body = body_of(&page);
    assert_eq!(body.iter().filter(|p| p.starts_with("The council met")).count(), 5, "{body:?}");
}

#[test]
fn a_date_in_a_timeline_item_or_heading_is_no_metadata_line() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <ul><li><time>May 5, 2015</time> – The council votes for the first time to close the plant</li>
        <li><time>June 2, 2016</time> – The plant's owner appeals the decision at the state court</li></ul>
        <h2>What happened on <time datetime="2015-05-05">5 May</time></h2><p>{PROSE}</p>
        <p class="meta"><time>May 5, 2015</time> | <a rel="author" href="/jane">Jane Doe</a></p>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Plant to close", &inner);
    assert_kept(&body, |p| p.ends_with("to close the plant"));
    assert_kept(&body, |p| p == "What happened on 5 May");
    assert_dropped(&body, |p| p.contains("Jane Doe"));
}

#[test]
fn a_sentence_naming_the_copyright_sign_is_no_credit() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <p>Until 1989 a work had to carry a notice: the word Copyright or the sign ©, then the owner's name.</p>
        <p>Copyright by Example Media GmbH</p><p>{PROSE}</p>"#
    );
    let body = article_body("Notices", &inner);
    assert_kept(&body, |p| p.starts_with("Until 1989"));
    assert_dropped(&body, |p| p.starts_with("Copyright by"));
}

#[test]
fn a_section_on_disclosure_holds_text() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <section id="coordinated-disclosure"><h2>Coordinated disclosure</h2><p>{PROSE} {PROSE} First.</p><p>{PROSE} {PROSE} Second.</p></section>
        <div class="disclosure"><p>We may earn a commission from links on this page.</p></div>"#
    );
    let body = article_body("A flaw in the router", &inner);
    assert_kept(&body, |p| p.ends_with("Second."));
    assert_dropped(&body, |p| p.starts_with("We may earn"));
}

#[test]
fn an_empty_time_does_not_make_the_next_line_metadata() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <div class="update"><span><time datetime="2025-05-05T10:00"></time></span><p>{PROSE}</p>Councillor Smith will hold a public meeting on the plan on Thursday night</div>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Plant to close", &inner);
    assert_kept(&body, |p| p.starts_with("Councillor Smith"));
}

#[test]
fn the_headline_under_a_note_is_no_section_heading() {
    let page = format!(
        r#"<html><body><main><div class="article-body"><p>This article is more than two years old. It was first published in May 2023 and has not been updated.</p>
        <h1>Bridge to be rebuilt</h1><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></main></body></html>"#
    );
    let body = body_of(&page);
    assert_dropped(&body, |p| p == "Bridge to be rebuilt");
    assert_eq!(body.iter().filter(|p| *p == PROSE).count(), 3, "{body:?}");
}

#[test]
fn only_the_articles_own_description_is_a_short_standfirst() {
    let inner = format!(
        r#"<div class="lead-image" itemprop="image" itemscope itemtype="https://schema.org/ImageObject"><img src="a.jpg"><p itemprop="description">The coal plant on the river, from the bridge.</p></div>
        <div class="article-body"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"#
    );
    assert_eq!(article_body("Plant to close", &inner), [PROSE, PROSE, PROSE]);
    let inner = inner.replace("https://schema.org/ImageObject", "https://schema.org/NewsArticle");
    assert_kept(&article_body("Plant to close", &inner), |p| p.starts_with("The coal plant"));
}

#[test]
fn a_drupal_teaser_in_promo_view_mode_is_a_promotion() {
    let inner = format!(
        r#"<div class="text"><p>{PROSE}</p><p>{PROSE}</p>
        <div class="node node--view-mode-promo"><h2><a href="/other">Town fights over wind farm</a></h2>
        <p>Residents of a nearby town are split over plans for twelve turbines on the hill above the village.</p></div>
        <p>{PROSE}</p></div>"#
    );
    let body = article_body("Plant to close", &inner);
    assert_dropped(&body, |p| p.starts_with("Residents of a nearby"));
    assert_eq!(body.iter().filter(|p| *p == PROSE).count(), 3, "{body:?}");
}

#[test]
fn a_signature_outside_a_quote_is_a_dateline() {
    let inner = format!(
        r#"<p>– By Jane Doe (@janedoe), June 3, 2021</p><p>{PROSE}</p><p>{PROSE}</p>
        <blockquote><p>The vote is in: the plant will close by 2030. A great day for this town!</p>— Jane Doe (@janedoe)
        <a href="https://social.example/@janedoe/1"><time datetime="2025-05-05">May 5, 2025</time></a></blockquote>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Plant to close", &inner);
    assert_dropped(&body, |p| p.starts_with("– By Jane"));
    assert_kept(&body, |p| p.starts_with("— Jane Doe") && p.ends_with("2025"));
}

#[test]
fn a_follow_us_line_beside_icon_links_and_a_bare_time_in_a_list_are_dropped() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <div class="block-head"><p>Follow us:</p><a class="fa fa-facebook" href="https://facebook.example/us"></a></div>
        <ul><li><time datetime="2023-11-07T12:23">12:23 Uhr</time></li></ul>"#
    );
    assert_eq!(article_body("Plant to close", &inner), [PROSE, PROSE, PROSE]);
}

#[test]
fn a_page_laid_out_in_nested_tables_is_layout_all_the_way_down() {
    // A page of 2002: a frame of a menu's cell and the story's, the story
    // set in a table of its own inside it.
    let page = format!(
        r#"<html><body><table width="760"><tr><td width="160"><a href="/">Home</a><br><a href="/news">News</a></td>
        <td><table><tr><td><h1>Bridge to be rebuilt</h1><p>{PROSE} {PROSE} {PROSE}</p><p>{PROSE}</p>
        <p><a href="/print/1">Print this story</a></p></td></tr></table></td></tr></table></body></html>"#
    );
    assert_eq!(table_kinds(&page), [TableKind::Layout, TableKind::Layout]);
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The council met"));
    assert_dropped(&body, |p| p.contains("Home") || p == "Print this story");
}

#[test]
fn a_table_of_results_is_data_and_keeps_its_linked_values_and_the_text_around_it() {
    let row = |home: &str, score: &str| {
        format!(
            r#"<tr><td><a href="/teams/{home}">{home}</a></td><td>{score}</td><td>Saturday, 3pm kick-off</td></tr>"#
        )
    };
    let page = format!(
        r#"<html><body><div class="menu"><a href="/">Home</a> <a href="/sport">Sport</a></div>
        <div class="content"><h1>Cup results</h1><p>{PROSE}</p>
        <table>{}{}{}</table><p>{PROSE} Again.</p></div></body></html>"#,
        row("Rovers", "2 – 1"),
        row("United", "0 – 0"),
        row("Athletic", "3 – 2")
    );
    assert_eq!(table_kinds(&page), [TableKind::Data]);
    let body = body_of(&page);
    assert_kept(&body, |p| p == "Athletic | 3 – 2 | Saturday, 3pm kick-off");
    assert_eq!(body.first().map(String::as_str), Some(PROSE), "{body:?}");
    assert_kept(&body, |p| p.ends_with("Again."));
}

#[test]
fn a_table_of_values_set_in_blocks_is_neither_data_nor_layout_and_keeps_its_linked_values() {
    // Each value wrapped in a `<div>`: no plain cells to spread over, and no
    // story's paragraph either.
    let page = format!(
        r#"<html><body><article><h1>Smaller updates</h1><p>{PROSE}</p><p>{PROSE}</p><table>
        <tr><td><div><a href="/app/1">Google Maps</a></div></td><td><div>18.8 MB smaller</div></td></tr>
        <tr><td><div><a href="/app/2">Gmail</a></div></td><td><div>12.2 MB smaller</div></td></tr>
        </table><p>{PROSE}</p></article></body></html>"#
    );
    assert_eq!(table_kinds(&page), [TableKind::Other]);
    let body = body_of(&page);
    assert_kept(&body, |p| p == "Gmail");
}

#[test]
fn a_loose_line_holding_a_time_is_metadata_wrapped_or_not() {
    for line in [
        "<time>May 5, 2015</time> · Energy, Politics and the Environment · updated an hour later by the night desk",
        "<span><time>May 5, 2015</time></span> · Energy, Politics and the Environment · updated an hour later by the night desk",
    ] {
        let page = format!(
            "<html><body><article><h1>Plant to close</h1><div class=\"text\"><div>{line}</div>\
             <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div></article></body></html>"
        );
        assert_eq!(body_of(&page), [PROSE, PROSE, PROSE], "{line}");
    }
    // A recipe's times are durations, not dates.
    let inner = format!(
        r#"<div class="text"><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>
        <ul><li><time itemprop="prepTime" datetime="PT15M">15 Min</time></li>
        <li><time itemprop="cookTime" datetime="">15 – 30 Min</time></li></ul></div>"#
    );
    let body = article_body("Muffins", &inner);
    assert!(body.iter().any(|p| p == "15 Min") && body.iter().any(|p| p == "15 – 30 Min"), "{body:?}");
}

#[test]
fn a_line_of_prose_naming_a_date_is_text_and_a_line_of_metadata_is_not() {
    let inner = format!(
        r#"<p>By <a rel="author" href="/jane">Jane Doe</a> · <time datetime="2024-03-03">March 3, 2024</time></p>
        <p>Updated <time datetime="2024-03-03T10:00">15 hrs ago</time></p>
        <p>Posted on <time datetime="2024-03-03">3 March</time> in Politics and Business</p>
        <p>{PROSE}</p><p>{PROSE}</p>
        <p>At the council meeting on <time datetime="2024-03-03">3 March</time> the mayor said</p>
        <blockquote>"It is a great day for the city and for everyone who crosses the river."</blockquote>
        <p>The bridge was closed on <time datetime="2022-03-03">3 March 2022</time> after engineers found cracks in two of its piers</p>
        <p>{PROSE}</p>"#
    );
    let body = article_body("Bridge opens", &inner);
    assert_kept(&body, |p| p.starts_with("At the council meeting"));
    assert_kept(&body, |p| p.starts_with("The bridge was closed"));
    assert_dropped(&body, |p| p.contains("Jane Doe") || p.starts_with("Updated") || p.starts_with("Posted"));
}

#[test]
fn a_box_of_jump_links_goes_with_its_heading() {
    let inner = format!(
        r##"<p>{PROSE}</p>
        <div class="article-toc"><h2 class="jumplinks-title">In this article</h2>
        <ul class="toc-list"><li><a href="#the-vote">The vote</a></li><li><a href="#what-next">What comes next</a></li></ul></div>
        <p>{PROSE}</p><h2 id="the-vote">The vote</h2><p>{PROSE}</p>
        <h2>Key points</h2><ul><li>The vote passed by five to four<a href="#fn1">1</a></li><li>Work starts in May</li></ul>
        <h2 id="what-next">What comes next</h2><p>{PROSE}</p>"##
    );
    let body = article_body("Bridge to be rebuilt", &inner);
    assert_lines(&body, &["The vote", "Key points"], &["In this article"]);
}

#[test]
fn the_next_story_of_an_endless_page_is_not_the_article() {
    // The next story holds no more prose than the article: a page's headline
    // over less text than the stories beside it heads a live blog or a teaser.
    let next = "Schools across the region stayed shut on Monday as the storm brought down trees.";
    // Each story in a classed `<article>` with its text in a body element, or its paragraphs set straight in it.
    for (open, body, close) in [
        (r#"<article class="story">"#, r#"<div class="story-body">"#, "</div></article>"),
        ("<article>", "", "</article>"),
    ] {
        let story = |title: &str, text: &str| {
            format!(
                r#"{open}<h1>{title}</h1><p class="meta">By Jane Doe, <time datetime="2024-03-03">March 3, 2024</time></p>
                {body}<p>{text}</p><p>{text}</p><p>{text}</p>{close}"#
            )
        };
        let page = format!(
            "<html><body><main>{}{}</main></body></html>",
            story("Bridge to be rebuilt", PROSE),
            story("Storm closes schools", next)
        );
        let body = body_of(&page);
        assert_kept(&body, |p| p == PROSE);
        assert_dropped(&body, |p| p == next || p == "Storm closes schools");
    }
}

#[test]
fn the_story_under_the_pages_headline_is_the_article_though_the_next_is_longer() {
    let story = |title: &str, paragraphs: usize| {
        let text: String = (0..paragraphs).map(|_| format!("<p>{PROSE}</p>")).collect();
        format!(r#"<article class="story"><h1>{title}</h1><div class="story-body">{text}</div></article>"#)
    };
    let page = format!(
        "<html><body><main>{}{}</main></body></html>",
        story("Bridge to be rebuilt", 4),
        story("Storm closes schools", 12)
    );
    let document = Html::parse_document(&page);
    let root = document.root_element();
    // Read as the page's headline, the first story's `<h1>` heads the article.
    assert_eq!(body(root, "Bridge to be rebuilt").paragraphs.len(), 4);
    // And the second story's, when the page's metadata names it.
    assert_eq!(body(root, "Storm closes schools").paragraphs.len(), 12);
}

#[test]
fn a_dated_list_of_links_in_the_story_is_text() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p><h2>Timeline</h2>
        <ul><li>3 June 2019, 18:00 – <a href="/a">Council approves plans for a new bridge over the river</a></li>
        <li>4 May 2021, 09:00 – <a href="/b">Engineers find cracks in two of the old bridge's piers</a></li>
        <li>1 March 2022, 12:00 – <a href="/c">The old bridge closes to all traffic for good</a></li></ul>
        <p>{PROSE}</p><h2>Fixtures</h2>
        <ul><li><a href="/teams/arsenal">Arsenal</a> v <a href="/teams/chelsea">Chelsea</a> – 9 March 2024, 15:00 GMT</li>
        <li><a href="/teams/fulham">Fulham</a> v <a href="/teams/everton">Everton</a> – 10 March 2024, 15:00 GMT</li></ul>
        <p>{PROSE}</p><h2>Events</h2>
        <ul><li><a href="/e/1">Jazz in the Park</a> – 9 March 2024, 19:00</li>
        <li><a href="/e/2">Bridge Run</a> – 10 March 2024, 10:00</li></ul><p>{PROSE}</p>"#
    );
    let body = article_body("Bridge opens", &inner);
    assert_kept(&body, |p| p.contains("Council approves plans"));
    assert_kept(&body, |p| p.contains("Arsenal v Chelsea"));
    assert_kept(&body, |p| p.contains("Jazz in the Park"));
}

#[test]
fn a_line_of_metadata_with_a_time_of_day_labels_or_categories_is_dropped() {
    let lines = [
        r#"Last updated on <time datetime="2024-03-03">March 3, 2024</time> at 10:00 am"#,
        r#"Published on <time datetime="2024-03-03">March 3, 2024</time> at 10:00 am ET"#,
        r#"Posted by <a rel="author" href="/u/admin">admin</a> on <time datetime="2024-03-03">March 3, 2024</time> at 10:00 am"#,
        r#"Posted on <time datetime="2024-03-03">March 3, 2024</time> in <a href="/c/news">news</a>, <a href="/c/local">local</a>, <a href="/c/u">uncategorized</a>"#,
        r#"Publié le <time datetime="2024-03-03">3 mars 2024</time> à 10h00, mis à jour le 4 mars 2024 à 12h15"#,
        r#"di <a rel="author" href="/autore/mario">Mario Rossi</a>, pubblicato il <time datetime="2024-03-03">3 marzo 2024</time> alle ore 10:00"#,
    ];
    for line in lines {
        let inner = format!("<p>{line}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>");
        let body = article_body("Bridge opens", &inner);
        assert_eq!(body, [PROSE, PROSE, PROSE], "{line}");
    }
}

#[test]
fn prose_opening_with_a_label_word_or_linking_names_before_its_date_is_kept() {
    let lines = [
        r#"Published in <time datetime="1922">1922</time>, the novel opens on a bridge over the river with these lines"#,
        r#"Updated figures released on <time datetime="2024-03-03">March 3</time> show that crossings fell by a third — and the council wants to know why"#,
        r#"Von <a rel="author" href="/autor/x">Thomas Mann</a> stammt der Satz, den heute jeder Schüler in der Stadt am Fluss kennt"#,
        r#"On <time datetime="2024-03-05">Tuesday</time> <a href="/p/smith">Mayor Jane Smith</a> told <a href="/c">the city council</a> that the bridge would close on 3 March 2024 for two years"#,
    ];
    for line in lines {
        let inner = format!("<p>{PROSE}</p><p>{line}</p><blockquote><p>{PROSE}</p></blockquote><p>{PROSE}</p>");
        let body = article_body("Bridge opens", &inner);
        assert_eq!(body.len(), 4, "{line}: {body:?}");
    }
}

#[test]
fn a_box_of_key_points_with_links_keeps_its_heading() {
    let inner = format!(
        r##"<p>{PROSE}</p><div class="summary"><h2>Key points</h2><ul>
        <li><a href="#vote">The council voted five to four on Tuesday</a> to rebuild the bridge</li>
        <li><a href="#cost">The new bridge will cost £40 million</a>, paid by the city</li>
        <li><a href="#next">Work starts in May</a> and should take two years</li></ul></div>
        <p>{PROSE}</p><p>{PROSE}</p>"##
    );
    let body = article_body("Bridge to be rebuilt", &inner);
    assert_kept(&body, |p| p == "Key points");
    assert_kept(&body, |p| p.starts_with("The new bridge will cost"));
}

#[test]
fn a_live_blogs_entries_with_headlines_of_their_own_are_the_article() {
    let entry = |time: &str| {
        format!(
            r#"<article class="entry"><header><h1>{time} Bridge opens</h1></header>
            <p>The first cars crossed the new bridge this morning, watched by a crowd that had gathered on both banks since dawn to see it.</p></article>"#
        )
    };
    let entries: String = ["10:05", "10:20", "10:40", "11:00", "11:30"].iter().map(|t| entry(t)).collect();
    let page = format!(
        r#"<html><body><main><article class="live-header"><h1>Live: bridge opening</h1>
        <p class="standfirst">Follow the opening of the new bridge over the river as it happens, with our reporters on both banks.</p></article>
        {entries}</main></body></html>"#
    );
    let body = body_of(&page);
    assert_kept(&body, |p| p.starts_with("The first cars crossed"));
}

#[test]
fn a_story_under_teaser_cards_with_headlines_is_the_article() {
    let card = |i: usize| {
        format!(
            r#"<article class="card"><h1><a href="/s/{i}">Top story {i}</a></h1>
            <p>A short summary of the top story number {i}, set under its headline on the card.</p></article>"#
        )
    };
    let cards: String = (1..=6).map(card).collect();
    let page = format!(
        r#"<html><body><div class="strip">{cards}</div><main><article class="story"><h1>Bridge opens</h1>
        <p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></main></body></html>"#
    );
    let body = body_of(&page);
    assert_eq!(body.iter().filter(|p| *p == PROSE).count(), 5, "{body:?}");
}

#[test]
fn a_dateline_of_fields_between_bars_is_dropped() {
    let dateline = "Published 7:22 a.m. PT July 10, 2024 | Updated 11:05 a.m. PT July 10, 2024";
    // A field of a sentence's length is no dateline's.
    let sentence = "Tickets for the show on Tuesday, July 16, 2024 | City Hall sold out within an hour of going on sale in the morning";
    let inner = format!("<div>{dateline}</div><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p><p>{sentence}</p>");
    assert_lines(&article_body("Heat wave", &inner), &[sentence], &[dateline]);
}

#[test]
fn a_paywalls_offer_at_the_end_is_dropped() {
    let inner = format!(
        r#"<p>{PROSE}</p><p>{PROSE}</p>
        <div class="barrier"><p>Try unlimited access. Only $1 for 4 weeks. Cancel anytime during your trial.</p>
        <p>Already a subscriber? <a href="/login">Sign in</a></p></div>"#
    );
    assert_eq!(article_body("Council votes to rebuild the bridge", &inner), [PROSE, PROSE]);
}

#[test]
fn two_line_breaks_part_paragraphs_of_a_cell() {
    let first = "The city council voted on Monday night to approve a budget for the coming year, ending weeks of debate over cuts to the parks department and the public library.";
    let second = "Council members who supported the plan said the city had little choice after state aid fell by nearly twelve percent this year.";
    let third = "The mayor is expected to sign the budget later this week.";
    let body = body_of(&format!(
        "<html><body><table><tr><td><font size=3>{first}<br><br>\n{second}<BR>\n<BR>{third}<br></font></td></tr></table></body></html>"
    ));
    assert_eq!(body, [first, second, third], "{body:?}");
    // A part that is page furniture goes, as the same line in a `<p>` would.
    let body = body_of(&format!(
        "<html><body><table><tr><td>{first}<br><br>Share this article<br><br>{second}<br><br>\
         Copyright 2024 The Daily. All rights reserved.</td></tr></table></body></html>"
    ));
    assert_eq!(body, [first, second], "{body:?}");
}

#[test]
fn one_line_break_parts_no_paragraph() {
    let body = post_body(
        "<p>The island ferry that has run between the two harbours since 1954 will stop sailing at the end of October,<br>the operator confirmed on Monday after a meeting with the county council and the harbour board.</p>",
    );
    assert_eq!(body.len(), 1, "{body:?}");
    assert!(body[0].contains("October, the operator"), "{body:?}");
}

#[test]
fn a_kicker_over_the_headline_is_dropped() {
    // A kicker in its own element over the `<h1>`, or over a headline set
    // as an `<h2>` on a page with no `<h1>`.
    let page = format!(
        r#"<html><body><div class="story"><div class="kicker">Lokales</div><h1>Bridge opens</h1>
        <p>{PROSE}</p><p>{PROSE}</p></div></body></html>"#
    );
    assert_dropped(&body_of(&page), |p| p == "Lokales");
    let page = format!(
        r#"<html><body><div id="content"><span class="topline">EXCLUSIVE</span><h2>Bridge opens</h2>
        <p>{PROSE}</p><p>{PROSE}</p></div></body></html>"#
    );
    let document = Html::parse_document(&page);
    assert_dropped(&body(document.root_element(), "Bridge opens").paragraphs, |p| p == "EXCLUSIVE");
    // A short line elsewhere, or a sentence over the headline, is text.
    let page = format!(
        r#"<html><body><div class="story"><p>Read this.</p><h1>Bridge opens</h1>
        <p>{PROSE}</p><p>Update</p><p>{PROSE}</p></div></body></html>"#
    );
    assert_lines(&body_of(&page), &["Read this.", "Update"], &[]);
}

#[test]
fn a_list_articles_shopping_boxes_are_dropped() {
    let entry = |name: &str| {
        format!(
            r#"<h2>{name}</h2><div class="product-box"><div>{name}</div><a href="https://shop.example/x">Buy now</a></div>
            <p>$549.99 at Amazon</p><p>★★★★☆ 4 out of 5</p><p>{PROSE}</p><p>Buy now at Walmart</p><p>{PROSE}</p>"#
        )
    };
    let inner = format!(
        "<p>{PROSE}</p>{}{}<h2>Buy now or wait for a sale</h2><p>{PROSE}</p>",
        entry("Roborock S8"),
        entry("Roomba j7")
    );
    let body = article_body("The 10 best robot vacuums", &inner);
    assert_lines(
        &body,
        &["Roborock S8", "Roomba j7"],
        &["$549.99 at Amazon", "★★★★☆ 4 out of 5", "Buy now at Walmart", "Buy now"],
    );
    assert_kept(&body, |p| p == "Buy now or wait for a sale");
    assert_eq!(body.iter().filter(|p| *p == PROSE).count(), 6, "{body:?}");
    // A price in a sentence, or a figure in a list, is text.
    let inner = format!("<p>{PROSE}</p><ul><li>$40 at the door, $30 in advance.</li><li>€ 49</li></ul><p>{PROSE}</p>");
    assert_lines(&article_body("Concert", &inner), &["$40 at the door, $30 in advance.", "€ 49"], &[]);
}

#[test]
fn a_live_blogs_key_points_beside_the_feed_are_dropped() {
    let entries = |tag: &str| -> String {
        ["14:05", "13:40", "13:15", "12:50"]
            .iter()
            .map(|t| format!(r#"<{tag} class="post"><time datetime="2024-03-03T{t}">{t}</time><p>{PROSE}</p></{tag}>"#))
            .collect()
    };
    let points = "<ul><li>Storm Alma has brought winds of up to 90mph to the south coast, the strongest in a decade.</li>\
        <li>A red weather warning is in place until midnight across the whole of the coastal region.</li>\
        <li>42,000 homes are without power, and engineers cannot reach some lines until the wind drops.</li></ul>";
    // In a column beside the feed (after it on the page): not the article.
    let page = format!(
        r#"<html><body><div class="grid"><div class="col-main"><h1>Storm Alma live</h1>
        <div class="feed">{}</div></div><div class="col-right"><div class="box"><h2>What we know</h2>{points}</div></div>
        </div></body></html>"#,
        entries("div")
    );
    let found = body_of(&page);
    assert_eq!(found.iter().filter(|p| *p == PROSE).count(), 4, "{found:?}");
    assert_dropped(&found, |p| p == "What we know" || p.starts_with("Storm Alma has"));
    // Between the headline and the feed: the publisher's summary, kept.
    let page = format!(
        r#"<html><body><div class="col-main"><h1>Storm Alma live</h1><div class="box"><h2>What we know</h2>{points}</div>
        <div class="feed">{}</div></div></body></html>"#,
        entries("div")
    );
    assert_kept(&body_of(&page), |p| p == "What we know");
    // In the `<article>` of the headline, the entries each an `<article>` with an
    // `<h1>`: the entries are the article, however long the key points.
    let page = format!(
        r#"<html><body><main><article class="live-header"><h1>Storm Alma live</h1>
        <div class="summary"><h2>Key points</h2>{points}</div></article>{}</main></body></html>"#,
        ["14:05", "13:40", "13:15"]
            .iter()
            .map(|t| format!("<article><h1>{t} Update</h1><p>{PROSE}</p></article>"))
            .collect::<String>()
    );
    let document = Html::parse_document(&page);
    let found = body(document.root_element(), "Storm Alma live").paragraphs;
    assert_eq!(found.iter().filter(|p| *p == PROSE).count(), 3, "{found:?}");
}

#[test]
fn the_wayback_toolbar_saved_without_its_comments_is_dropped() {
    let page = r#"<html><body><div id="wm-ipp-base" lang="en"><div id="wm-ipp"><div id="wm-capinfo">
        <div>COLLECTED BY</div><div id="wm-collected-by-content">These crawls are part of an effort to archive
        pages as they are created and archive the pages that they refer to, so that a link keeps working.</div>
        </div></div></div>
        <div class="post"><h1>Bridge opens</h1>
        <p>The mayor opened the bridge on Sunday, two years after work began on it, and thanked the builders.</p>
        <p>Thousands of people lined the river banks to watch the ceremony, which ended with fireworks.</p>
        <p>The old crossing, closed since the flood of 2019, is to be pulled down by the end of the year.</p>
        </div></body></html>"#;
    let body = body_of(page);
    assert_kept(&body, |p| p.starts_with("The old crossing"));
    assert_dropped(&body, |p| p.contains("crawls") || p.contains("COLLECTED"));
}

#[test]
fn reads_a_gallerys_captions_when_it_has_no_other_text() {
    let gallery = r#"<html><body><div class="gallery-page"><h1>Photos: Balloon festival</h1>
        <div class="gallery">
        <figure><img src="1.jpg"><figcaption><span class="count">1 of 2</span> Balloons lift off at dawn from Fairgrounds Park on Saturday.</figcaption></figure>
        <figure><img src="2.jpg"><figcaption><span class="count">2 of 2</span> A balloon drifts over the river on Sunday morning.</figcaption></figure>
        </div></div></body></html>"#;
    assert_eq!(
        body_of(gallery),
        [
            "Balloons lift off at dawn from Fairgrounds Park on Saturday.",
            "A balloon drifts over the river on Sunday morning."
        ]
    );
    // An article's captions stay out of its text.
    let article = format!(
        "<html><body><article><h1>Festival</h1><figure><img src=\"1.jpg\">\
         <figcaption>Balloons lift off at dawn from Fairgrounds Park.</figcaption></figure><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
    );
    assert_dropped(&body_of(&article), |p| p.contains("Balloons"));
}

#[test]
fn a_table_of_data_reads_a_row_to_a_line() {
    let inner = format!(
        "<p>{PROSE}</p><table><tr><th>District</th><th>2021</th><th>2026</th></tr>\
         <tr><td>Cimarron Valley</td><td>2,410</td><td>1,988</td></tr>\
         <tr><td>Red Bluff</td><td>1,152</td><td>967</td></tr>\
         <tr><td>Garnett</td><td>5,490</td><td>4,812</td></tr></table><p>{PROSE}</p>"
    );
    let body = article_body("Enrollment falls", &inner);
    assert_lines(&body, &["District | 2021 | 2026", "Cimarron Valley | 2,410 | 1,988"], &["2,410"]);
    // A page laid out in a table keeps its cells' text as it is.
    let layout = format!(
        "<html><body><h1>Bridge</h1><table><tr><td><a href=\"/\">Home</a></td>\
         <td>{PROSE}<br><br>{PROSE} Again.<br><br>{PROSE} Once more.</td></tr></table></body></html>"
    );
    assert_dropped(&body_of(&layout), |p| p.contains(" | "));
}

#[test]
fn a_header_set_with_line_breaks_is_no_part_of_the_text() {
    let page = format!(
        "<html><body><b>Harbor contract goes to Texas firm</b><br>By Jim Boudreaux<br>Staff Writer<br>\
         Published: Tuesday, March 10, 2026 at 5:48 p.m.<br><br><p>{PROSE}</p><p>{PROSE} Again.</p></body></html>"
    );
    let body = body_of(&page);
    assert_eq!(body.first().map(String::as_str), Some(PROSE), "{body:?}");
    // Lines of a paragraph parted by single line breaks stay one paragraph.
    let poem = format!(
        "<html><body><h1>Poem</h1><p>The river runs<br>under the bridge<br>all night.</p><p>{PROSE}</p></body></html>"
    );
    assert_kept(&body_of(&poem), |p| p == "The river runs under the bridge all night.");
    // A box of fields keeps its last one with the others.
    let fields = format!(
        "<html><body><h1>Pilgrim</h1><p>{PROSE}</p><p>{PROSE} Again.</p>\
         <div>Datum: 19.11.2021<br>By Fritz Imhof<br>Quelle: Livenet</div></body></html>"
    );
    assert_dropped(&body_of(&fields), |p| p == "Quelle: Livenet");
}

#[test]
fn dates_set_with_line_breaks_without_a_byline_are_text() {
    let page = format!(
        "<html><body><h1>Meetings</h1><p>Tuesday, September 24, 2013 at 2:30 PM<br>\
         Monday, November 25, 2013 at 3:00 PM</p><p>{PROSE}</p><p>{PROSE} Again.</p></body></html>"
    );
    assert_kept(&body_of(&page), |p| p.starts_with("Tuesday, September 24, 2013"));
}

#[test]
fn a_paragraph_named_for_a_sponsor_is_clutter() {
    let inner = format!(
        "<p>{PROSE}</p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p><p class=\"sponsor\">This episode is sponsored by Quillworks. Use code INK20.</p>"
    );
    assert_dropped(&article_body("Episode 12", &inner), |p| p.contains("Quillworks"));
}

#[test]
fn a_books_title_and_authors_set_with_line_breaks_are_text() {
    let page = format!(
        "<html><body><h1>Reading list</h1><p>Setz dich in Bewegung<br>von Josef Kastner und Imke Schlömer<br>\
         192 Seiten, 39,90 Euro</p><p>{PROSE}</p><p>{PROSE} Again.</p></body></html>"
    );
    assert_kept(&body_of(&page), |p| p.starts_with("Setz dich in Bewegung von Josef Kastner"));
}

#[test]
fn a_wire_services_filing_line_is_no_text() {
    let inner = format!(
        r#"<p>Story filed 07/21/2026 by RNS staff.</p><p>{PROSE}</p><p>{PROSE}</p>
        <p>The report was filed by the council on Monday, weeks late.</p>
        <p>This story was filed by Jane Doe in Rome.</p>"#
    );
    let body = article_body("Bridge", &inner);
    assert_dropped(&body, |p| p.starts_with("Story filed"));
    assert_dropped(&body, |p| p.starts_with("This story was filed"));
    assert_kept(&body, |p| p.starts_with("The report was filed"));
}

#[test]
fn a_line_of_both_dates_or_a_time_ago_under_labels_is_dropped() {
    let lines = [
        "Publié le 3 mars 2024 à 09h15, modifié le 3 mars 2024 à 11h02",
        "Published Mar. 3, 2024 at 9:15 a.m., updated Mar. 3, 2024 at 11:02 a.m.",
        "Veröffentlicht am 03.03.2024, 09:15 Uhr · Aktualisiert am 03.03.2024, 11:02 Uhr",
        "Updated 2 hours ago",
        "Published 5 min ago",
        "Aktualisiert vor 3 Stunden",
    ];
    for line in lines {
        let inner = format!("<p>{line}</p><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p>");
        assert_eq!(article_body("Bridge opens", &inner), [PROSE, PROSE, PROSE], "{line}");
    }
    // A sentence that opens with a label and a date goes on.
    let prose = [
        "Published on March 3, 2024, the report found that crossings fell by a third",
        "Updated 2 hours ago, the map shows the roads the flood closed",
    ];
    for line in prose {
        let inner = format!("<p>{PROSE}</p><p>{line}</p><p>{PROSE}</p><p>{PROSE}</p>");
        assert_kept(&article_body("Bridge opens", &inner), |p| p == line);
    }
}

#[test]
fn a_headline_and_deck_set_with_line_breaks_over_the_text_are_no_part_of_it() {
    let text = format!("{PROSE}<br><br>{PROSE} Again.<br><br>{PROSE} Once more.");
    let headers = [
        "<font size=1>Published: Monday, March 3, 2003</font><br><font size=5><b>Council votes to rebuild bridge</b></font><br>\
         <i>Work to start in spring</i><br><br><b>By JANE DOE</b><br>Staff Writer<br><br>",
        "<b>Council votes to rebuild bridge</b><br><i>Work to start in spring</i><br>By Jane Doe<br>Staff Writer<br><br>",
    ];
    for header in headers {
        let page =
            format!("<html><body><table><tr><td>{header}<font size=3>{text}</font></td></tr></table></body></html>");
        let document = Html::parse_document(&page);
        let body = body(document.root_element(), "Council votes to rebuild bridge").paragraphs;
        assert_eq!(body.first().map(String::as_str), Some(PROSE), "{header}");
        assert_dropped(&body, |p| p.contains("Work to start") || p.contains("Staff Writer"));
    }
    // A poem's lines under its title, the headline, are the text.
    let poem = "<p>Bridge song<br>By Jane Doe<br>The river runs under the bridge,<br>all night it runs.</p>";
    let document = Html::parse_document(&format!("<html><body>{poem}<p>{PROSE}</p><p>{PROSE}</p></body></html>"));
    let body = body(document.root_element(), "Bridge song").paragraphs;
    assert_kept(&body, |p| p == "The river runs under the bridge, all night it runs.");
}

#[test]
fn a_korean_copyright_notice_and_the_address_over_it_close_no_article() {
    let notice = "&lt;저작권자 ⓒ 한빛일보, 무단전재 및 재배포 금지&gt;";
    let pages = [
        format!(
            "<div id=\"articleBody\">{PROSE}<br><br>{PROSE} Again.<br><br>김민수 기자 minsu@example.com<br>{notice}</div>"
        ),
        format!(
            "<div id=\"articleBody\"><p>{PROSE}</p><p>{PROSE} Again.</p><p>minsu@example.com</p><p>{notice}</p></div>"
        ),
        format!(
            "<div id=\"articleBody\"><p>{PROSE}</p><p>{PROSE} Again.</p><p>[저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지]</p></div>"
        ),
        format!("<div id=\"articleBody\"><p>{PROSE}</p><p>{PROSE} Again.<br>{notice}</p></div>"),
        format!(
            "<div id=\"articleBody\"><p>{PROSE}</p><p>{PROSE} Again.<br>© 2024 Example Daily. All rights reserved.</p></div>"
        ),
    ];
    for page in pages {
        let body = body_of(&format!("<html><body><h1>금리 인하</h1>{page}</body></html>"));
        assert_eq!(body.last().map(String::as_str), Some(format!("{PROSE} Again.").as_str()), "{page}");
    }
    // The reporter's address alone, with no notice under it, is the article's,
    // and so is a credit with a year that closes a paragraph.
    let inner = format!("<p>{PROSE}</p><p>{PROSE} Again.</p><p>jdoe@example.com</p>");
    assert_kept(&article_body("Bridge opens", &inner), |p| p == "jdoe@example.com");
    let inner = format!("<p>{PROSE}</p><p>{PROSE} Again.<br>© 2003 Jane Doe</p>");
    assert_kept(&article_body("Bridge opens", &inner), |p| p.ends_with("Again. © 2003 Jane Doe"));
}

#[test]
fn readers_reactions_and_a_notes_links_back_are_no_part_of_the_article() {
    let inner = format!(
        "<div class=\"article__content\"><p>{PROSE}<sup><a href=\"#fn1\" id=\"ref1\">1</a></sup></p><p>{PROSE} Again.</p><p>{PROSE} Once more.</p>\
         <h2>Notes</h2><ol><li id=\"fn1\">City records, 2020. <a href=\"#ref1\">↩</a></li>\
         <li id=\"fn2\">Ibid. [<a href=\"#ref2\">↩</a>]</li></ol></div>\
         <section class=\"article__reactions\"><h3>Réactions</h3><p>Vous devez être abonné pour réagir.</p></section>"
    );
    let body = article_body("Bridge opens", &inner);
    assert_lines(&body, &["City records, 2020.", "Ibid."], &["Réactions"]);
    assert_dropped(&body, |p| p.contains('↩') || p.contains("réagir") || p == "Réactions");
}
