use super::markup::marks_an_author;
use super::*;

#[test]
fn bylines_become_names() {
    assert_names(&[
        ("By Jane Doe and John Roe, Staff Writers", true, &["Jane Doe", "John Roe"]),
        ("Von Anna Müller | 24.05.2024", true, &["Anna Müller"]),
        ("Jane Doe (jane@example.com)", true, &["Jane Doe"]),
        ("Jane Doe, Political Correspondent", true, &["Jane Doe"]),
        ("Ludwig van Beethoven", true, &["Ludwig van Beethoven"]),
        ("מאת דוד כהן", true, &["דוד כהן"]),
        ("بقلم أحمد حسن", true, &["أحمد حسن"]),
        ("김철수 기자 | 입력 2003.03.04 18:30", true, &["김철수"]),
    ]);
    assert_eq!(names("Example Daily", Some("example daily"), false), Vec::<String>::new());
    assert_names(&[
        ("surfguard", false, &["surfguard"]),
        ("surfguard", true, &[]),
        ("Share this article on Facebook", true, &[]),
        ("Posted by Konstantin", true, &["Konstantin"]),
        ("By Gwen Hughes, Community Reporter", true, &["Gwen Hughes"]),
        ("Weitere Artikel", true, &[]),
        ("finanztreff.de", false, &[]),
    ]);
}

/// Asserts the names each byline gives, read strictly (as in a page's
/// text) or not (as stated for machines), with no site name known.
#[track_caller]
fn assert_names(cases: &[(&str, bool, &[&str])]) {
    for (byline, strict, expected) in cases {
        assert_eq!(names(byline, None, *strict), *expected, "{byline} (strict: {strict})");
    }
}

/// Asserts the names each byline gives, read strictly (as in a page's text).
#[track_caller]
fn assert_bylines(cases: &[(&str, &[&str])]) {
    for &(byline, expected) in cases {
        assert_names(&[(byline, true, expected)]);
    }
}

fn page_authors(html: &str) -> Vec<String> {
    page_credits(html).authors
}

fn page_credits(html: &str) -> Credits {
    let document = Html::parse_document(html);
    credits(&document, &Meta::read(&document), &JsonLd::read(&document), None, &[])
}

#[test]
fn a_marked_up_author_may_be_one_word_or_a_user_name() {
    let page = r#"<article><h1>Post</h1><div class="entry-meta">Von <span class="fn">
        <a href="/author/tk/" rel="author">Thilo</a></span> / 6. November 2023</div><p>Text.</p></article>"#;
    assert_eq!(page_authors(page), ["Thilo"]);
    let page = r#"<div class="post"><span class="author vcard"><a class="url fn n" rel="author"
        href="/author/f/">freeman1984</a></span></div>"#;
    assert_eq!(page_authors(page), ["freeman1984"]);
    let page = r#"<div class="post"><a rel="author" href="/p/1">View my complete profile</a>
        <span itemprop="author">AFP</span></div>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn the_footer_of_a_post_holds_its_byline_but_the_page_footer_does_not() {
    let page = r#"<div class="post"><p>Text.</p><div class="post-footer"><span class="post-author vcard">
        Posted by <span class="fn" itemprop="author"><span itemprop="name">T. V. Raman</span></span>
        </span></div></div><div class="footer"><a rel="author" href="/me">Jane Doe</a></div>"#;
    assert_eq!(page_authors(page), ["T. V. Raman"]);
    let page = r#"<p>Text.</p><div id="footer"><a rel="author" href="/me">Jane Doe</a></div>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn authors_marked_up_in_other_bylines_are_not_the_articles() {
    let page = r#"<div class="post"><div class="meta"><span class="byline">By
        <span class="author vcard"><a class="fn" rel="author" href="/a">Amelie Marie Nishizawa</a></span>
        </span></div><p>Text.</p></div><div class="more"><div class="item"><div class="meta">
        <span class="author vcard"><a class="fn" rel="author" href="/b">Chiara Terzuolo</a></span>
        </div></div></div>"#;
    assert_eq!(page_authors(page), ["Amelie Marie Nishizawa"]);
    let page = r#"<div class="byline"><span class="author vcard"><a class="fn" href="/a">Jane Doe</a></span>
        and <span class="author vcard"><a class="fn" href="/b">John Roe</a></span></div>"#;
    assert_eq!(page_authors(page), ["Jane Doe", "John Roe"]);
}

#[test]
fn brackets_inside_a_name_go() {
    assert_names(&[
        ("Richard (R.J.) Eskow", true, &["Richard Eskow"]),
        ("Jane Doe (jane@example.com", true, &["Jane Doe"]),
        ("JuraForum.de-Redaktion", true, &[]),
    ]);
}

#[test]
fn a_visible_person_beats_a_stated_first_name_or_organisation() {
    let page = r#"<head><meta name="author" content="Die Zeitung"></head><body><h1>Headline</h1>
        <p>First paragraph of the story, long enough to be the body of the article.</p>
        <p class="bodytext">Von Claudia Lindner</p></body>"#;
    assert_eq!(page_authors(page), ["Claudia Lindner"]);
    let page = r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":{"@type":"Person","name":"Todd"}}</script></head><body><h1>H</h1>
        <div class="article-author">By <a href="/people/todd-bates">Todd Bates</a></div></body>"#;
    assert_eq!(page_authors(page), ["Todd Bates"]);
    let page = r#"<head><meta name="author" content="Jane Doe"></head><body>
        <div class="byline">Von Jim Poe</div></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_labelled_byline_counts_anywhere_outside_clutter() {
    let page = r#"<body><div class="wrapper"><p>Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022</p>
        </div><p>Story text.</p></body>"#;
    assert_eq!(page_authors(page), ["Pamela Sladky"]);
    let page = r#"<body><p>Story text.</p><blockquote class="fb-post"><p>Posted by
        <a href="https://example.com/jane">Jane Doe</a> on Sunday, February 6, 2022</p></blockquote></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    let page = r#"<body><ul><li>Nach einer Buchvorlage von Jane Doe, Staffel 1</li></ul></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn organisations_addresses_places_and_dates_are_no_names() {
    assert_names(&[
        ("Muster Verlag GmbH", false, &[]),
        ("Deutscher Caritasverband e. V.", false, &[]),
        ("Olympia Verlag, Nürnberg, Germany", false, &[]),
        ("James S.A. Corey", false, &["James S.A. Corey"]),
        ("Patricio Candia | Palma de Mallorca | 08/01/2014", true, &["Patricio Candia"]),
        ("By Jane Doe Jan 5, 2024", true, &["Jane Doe"]),
        ("Jan Lukas Strozyk", true, &["Jan Lukas Strozyk"]),
        ("责任编辑：孔德明", false, &["孔德明"]),
        ("Auteur : Kossivi Tiassou", true, &["Kossivi Tiassou"]),
        ("der Bestände", true, &[]),
    ]);
    assert!(looks_like_an_organization("Bayerische Landesanstalt für Wald"));
    assert!(!looks_like_an_organization("Ursula Baatz"));
}

#[test]
fn a_newsroom_stated_as_the_author_is_kept() {
    assert_names(&[
        ("Redaktion", false, &["Redaktion"]),
        ("Redaktion Polizeiticker Schweiz", false, &["Redaktion Polizeiticker Schweiz"]),
        ("Redaktion", true, &[]),
        ("Redaktion: Eberhard Fuhr", true, &["Eberhard Fuhr"]),
    ]);
}

#[test]
fn capitalised_particles_stay_in_a_name_and_titles_go() {
    assert_bylines(&[
        ("Par Loïc Le Clerc", &["Loïc Le Clerc"]),
        ("Par Jeanne Dupont le 3 mars 2020", &["Jeanne Dupont"]),
        ("Grant Tinsley, PhD", &["Grant Tinsley"]),
        ("Sara Zinnecker Stand: 01.02.2023", &["Sara Zinnecker"]),
    ]);
}

#[test]
fn bylines_by_date_label_class_and_signature() {
    let page = r#"<body><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>Headline</h1></body>"#;
    assert_eq!(page_authors(page), ["Uta Helkenberg"]);
    let page = r#"<body><h1>Headline</h1><p>Text.</p><div class="news-meta"><h4>Autor</h4>
        <p><a href="/profil/1">Nikolai Huke</a></p></div></body>"#;
    assert_eq!(page_authors(page), ["Nikolai Huke"]);
    let page = r#"<body><span class="author"><a href="/user/30"><img src="u.gif"> Lars</a></span></body>"#;
    assert_eq!(page_authors(page), ["Lars"]);
    let page = r#"<body><header><aside class="meta"><p class="authors">Von:<br><i>
        <a href="/autor/jane-doe" class="author-name">Jane Doe</a></i></p></aside></header></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    let text = "The match went on for a long time, and nobody in the hall expected the ending. ".repeat(3);
    let page = format!("<body><div><p>{text}</p><p><b><i>Stefan Wasmer</i></b></p></div></body>");
    assert_eq!(page_authors(&page), ["Stefan Wasmer"]);
    let page = format!("<body><div><p>{text}</p><p><b>Bad Homburg</b> and more text</p></div></body>");
    assert_eq!(page_authors(&page), Vec::<String>::new());
}

#[test]
fn a_user_name_after_an_explicit_label_is_a_name() {
    let page = r#"<body><p>Story text.</p><div class="submitted">Gespeichert von <span class="username">rasos</span>
        am 24. Juli 2017</div></body>"#;
    assert_eq!(page_authors(page), ["rasos"]);
    let page = r#"<body><p>Story text.</p><div class="meta">Submitted by <span>jdoe42</span></div></body>"#;
    assert_eq!(page_authors(page), ["jdoe42"]);
    let page = r#"<body><p>Story text.</p><p>By <span>tomorrow</span></p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_sidebar_that_holds_the_headline_is_the_article_column() {
    let page = r#"<body><article><div id="sidebar"><header><h1>Headline</h1>
        <span class="author vcard"><a class="url fn" rel="author" href="/author/jane-doe/">Jane Doe</a></span>
        </header><p>Story text.</p></div></article>
        <div class="sidebar"><span class="author vcard"><a class="fn" href="/author/jim-poe/">Jim Poe</a></span></div>
        </body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><div class="sidebar">
        <span class="author vcard"><a class="fn" href="/author/jim-poe/">Jim Poe</a></span></div></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_full_name_in_the_byline_beats_a_marked_up_first_name() {
    let page = r#"<body><h1>Headline</h1><p><strong>Eine Kolumne von Nils Pickert</strong></p>
        <p>Story text.</p><div class="meta"><a rel="author" href="/author/nils/">Nils</a></div></body>"#;
    assert_eq!(page_authors(page), ["Nils Pickert"]);
    let page = r#"<body><h1>Headline</h1><p>Von Jim Poe</p>
        <p>Story text.</p><div class="meta"><a rel="author" href="/author/nils/">Nils</a></div></body>"#;
    assert_eq!(page_authors(page), ["Nils"]);
}

#[test]
fn the_parts_after_a_job_title_name_the_employer() {
    assert_eq!(
        names("Jane Doe, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project", None, true),
        ["Jane Doe"]
    );
    assert_names(&[("By Jane Doe and John Roe, Staff Writers", true, &["Jane Doe", "John Roe"])]);
}

#[test]
fn a_byline_after_a_date_dashes_or_before_credits() {
    assert_names(&[
        ("Posted on September 21, 2020 by Jane Doe", true, &["Jane Doe"]),
        ("Veröffentlicht am 5. Mai 2020 von Anna Müller", true, &["Anna Müller"]),
        ("Posted on May 5, 2020", true, &[]),
        ("Text von Jane Doe Illustration von Jim Poe", true, &["Jane Doe"]),
    ]);
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><p><em>---- by Jane Doe</em></p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    let page = r#"<body><h1>Headline</h1><div><span>- Redaktion: Jane Doe (Pressesprecherin)</span></div></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    let page = r#"<body><div class="layoutTwoColumnsRightSidebar"><p>Story text.</p>
        <p><em>Text von Jane Doe &nbsp; Illustration von Jim Poe</em></p></div></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_date_confirms_a_one_word_or_user_name_byline() {
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><div class="meta">by jdoe42 on August 3, 2019</div></body>"#;
    assert_eq!(page_authors(page), ["jdoe42"]);
    let page = r#"<body><h2><span>06.11.2023 13:30 von Olga</span></h2><p>Story text.</p></body>"#;
    assert_eq!(page_authors(page), ["Olga"]);
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><p>by tomorrow morning</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_menu_that_holds_the_headline_is_no_clutter_and_labels_are_no_names() {
    let text = "The match went on for a long time, and nobody in the hall expected the ending. ".repeat(8);
    let page = format!(
        r#"<body><div class="pane-taxomenu"><h1>Headline</h1><p>{text}</p>
        <div class="article-author-date"><span class="author-date-label">Datum:</span> 19.11.2021<br>
        <span class="author-date-label">Autor:</span> Jane Doe<br></div></div></body>"#
    );
    assert_eq!(page_authors(&page), ["Jane Doe"]);
    let page =
        format!("<body><h1>Headline</h1><p>{text}</p><ul class=\"menu\"><li><p>Von Jim Poe</p></li></ul></body>");
    assert_eq!(page_authors(&page), Vec::<String>::new());
}

#[test]
fn a_newsroom_alone_in_a_byline_element_is_the_byline() {
    let page = r#"<body><h1>Headline</h1><div class="author-date"><span class="byline author">von Redaktion,</span>
        <time>1. März 2023</time></div><p>Story text.</p></body>"#;
    assert_eq!(page_authors(page), ["Redaktion"]);
    let page = r#"<body><h1>Headline</h1><div class="author-box"><span class="author">Redaktion</span></div></body>"#;
    assert_eq!(page_authors(page), ["Redaktion"]);
    assert_eq!(newsroom_byline("Redaktionsschluss"), None);
    assert_eq!(newsroom_byline("By Staff"), Some("Staff".to_owned()));
}

#[test]
fn site_accounts_are_no_authors() {
    assert_names(&[
        ("admin", false, &[]),
        ("publisher", false, &[]),
        ("No Author", false, &[]),
        ("Jane Doe", false, &["Jane Doe"]),
    ]);
    let page = r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
        "author":{"@type":"Person","name":"admin"}}</script></head><body><h1>H</h1><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_stated_pen_name_may_end_in_a_job_title() {
    assert_names(&[
        ("Rasender Reporter", false, &["Rasender Reporter"]),
        ("Senior Reporter", false, &[]),
        ("Jane Doe Reporter", false, &["Jane Doe"]),
        ("Rasender Reporter", true, &[]),
    ]);
}

fn site_page_authors(html: &str, site: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    credits(&document, &Meta::read(&document), &JsonLd::read(&document), Some(site), &[]).authors
}

#[test]
fn the_site_is_the_byline_where_the_page_shows_it_as_the_author() {
    let page = r#"<h1>H</h1><div class="meta">By <a rel="author" href="/author/example-daily/">Example Daily</a>
        on May 5, 2023</div><p>Text.</p>"#;
    assert_eq!(site_page_authors(page, "Example Daily"), ["Example Daily"]);
    // Stated for machines only, not shown.
    let page = r#"<h1>H</h1><meta itemprop="author" content="Example Daily"><p>Text.</p>"#;
    assert_eq!(site_page_authors(page, "Example Daily"), Vec::<String>::new());
    // A person named beside it.
    let page = r#"<h1>H</h1><div class="meta">By <a rel="author" href="/author/jd/">Jane Doe</a></div>
        <p>Text.</p>"#;
    assert_eq!(site_page_authors(page, "Example Daily"), ["Jane Doe"]);
}

#[test]
fn a_von_line_that_names_the_site_is_its_byline() {
    let page = r#"<h1>Headline</h1><div class="date">Von <span>Example Tennis Club</span> 4. 2. 2022</div>
        <p>Text of the story.</p>"#;
    assert_eq!(site_page_authors(page, "Example Tennis Club"), ["Example Tennis Club"]);
}

#[test]
fn a_comment_by_the_post_author_names_them() {
    let page = r#"<article><h1>Deal</h1><p>Text.</p></article><div class="comments">
        <div class="comment byuser comment-author-jdoe42 bypostauthor"><p class="comment-author">jdoe42</p>
        <p>Thanks!</p></div></div>"#;
    assert_eq!(page_authors(page), ["jdoe42"]);
    let page = r#"<article><h1>Deal</h1><p>Text.</p></article><div class="comments">
        <div class="comment byuser"><p class="comment-author">reader7</p><p>Nice.</p></div></div>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_user_name_linked_to_its_page_after_von_is_a_name() {
    let page = r#"<h1>Tipp</h1><div class="user">von <span><a href="/user/Jdoe42.html">Jdoe42</a></span>
        am 20.01.2014</div><p>Text.</p>"#;
    assert_eq!(page_authors(page), ["Jdoe42"]);
}

#[test]
fn contact_boxes_and_reviews_name_no_author() {
    let page = r#"<h1>Pressemitteilung</h1><p>Text.</p><div class="contactbox"><address>
        <p>Jane Doe</p><p>Pressesprecherin</p></address></div>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    let page = r#"<h1>Stall</h1><p>Text.</p><div itemprop="review" itemscope>
        <span itemprop="author">Jane Doe</span></div>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    let page = r#"<h1>H</h1><div class="postMeta vcard author">01.12.2022 / <a rel="tag" href="/t/a">Solar</a> /
        <a rel="tag" href="/t/b">Wind Power</a></div><p>Text.</p>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    assert_names(&[("Jane Doe, Pressesprecherin", true, &["Jane Doe"])]);
}

#[test]
fn a_bar_before_the_byline_word_goes() {
    let page = r#"<h1>H</h1><div class="meta"><span class="sr">| By </span><span>Cara Stone</span> |
        <time>April 13, 2020</time></div><p>Text.</p>"#;
    assert_eq!(page_authors(page), ["Cara Stone"]);
}

#[test]
fn the_sites_logo_in_its_author_link_names_it() {
    let page = r#"<h1>H</h1><div class="meta"><span class="author fn"><a href="/autor/example/">
        <img src="/logo.svg" alt="Example"></a></span> / 01.12.2022</div><p>Text.</p>"#;
    assert_eq!(site_page_authors(page, "Example"), ["Example"]);
    let page = r#"<h1>H</h1><div class="meta"><span class="author fn"><a href="/autor/x/">
        <img src="/x.jpg" alt="sin foto"></a></span></div><p>Text.</p>"#;
    assert_eq!(site_page_authors(page, "Example"), Vec::<String>::new());
}

#[test]
fn a_signature_after_a_short_line_or_set_to_the_right_counts() {
    let text = "The match went on for a long time, and nobody in the hall expected the ending. ".repeat(3);
    let page = format!(
        "<body><div><p>{text}</p><p><b>The Book</b><br>Example Press, 216 pages</p>\
         <p class=\"clearfix\"><strong>Jane Doe</strong></p></div></body>"
    );
    assert_eq!(page_authors(&page), ["Jane Doe"]);
    let page = format!(
        "<body><div><p>{text}</p><p align=\"right\"><em><font>Jane Doe</font></em></p>\
         <p>(1) A footnote that follows the signature.</p></div></body>"
    );
    assert_eq!(page_authors(&page), ["Jane Doe"]);
    // Not set apart: a bold name before more paragraphs is no signature.
    let page = format!("<body><div><p>{text}</p><p><b>Jane Doe</b></p><p>{text}</p></div></body>");
    assert_eq!(page_authors(&page), Vec::<String>::new());
}

#[test]
fn a_second_author_before_a_title_or_in_a_link_of_its_own_is_kept() {
    assert_names(&[("By Jane Doe And John Roe For The Daily Example", false, &["Jane Doe", "John Roe"])]);
    // A sentence or a label before the title word is no name.
    assert_names(&[("Jane Doe y Jim Poe se ven en Nueva York. Fotos: EL DIARIO", true, &["Jane Doe"])]);
    let page = r#"<body><h1>Headline</h1><p>Von <strong><a href="https://jane.example">Jane Doe</a></strong>
        und <strong><a href="https://john.example">John Roe</a></strong></p><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe", "John Roe"]);
}

#[test]
fn the_sites_title_marked_up_as_an_hcard_is_no_byline() {
    let page = r#"<body><h1 class="vcard author"><a href="https://blog.example/" class="fn">Example Blog</a></h1>
        <div class="post"><h2>Post</h2><h4 class="vcard author">vom <span class="fn">Blogger</span></h4>
        <p>Text.</p></div></body>"#;
    assert_eq!(page_authors(page), ["Blogger"]);
    // An author's link to their own site, in a byline, still names them.
    let page = r#"<body><h1>Post</h1><p class="byline">By <a rel="author" href="https://janedoe.example/">Jane Doe</a></p>
        <p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_plural_label_introduces_several_authors() {
    let page = r#"<body><h1>Headline</h1><p>Text.</p><p>Autoren Jane Doe und John Roe</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe", "John Roe"]);
    assert_names(&[("Autorinnen: Jane Doe, Erika Roe", true, &["Jane Doe", "Erika Roe"])]);
}

#[test]
fn an_interviews_credit_names_both_sides() {
    assert_names(&[
        ("Jane Doe im Gespräch mit John Roe", true, &["Jane Doe", "John Roe"]),
        ("Jane Doe in conversation with John Roe", true, &["Jane Doe", "John Roe"]),
    ]);
    let page = r#"<body><h1>Interview</h1><p class="author">Jane Doe im Gespräch mit John Roe</p><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe", "John Roe"]);
}

#[test]
fn an_author_box_under_the_post_names_the_author() {
    let page = r#"<body><article><h1>Post</h1><div class="entry-content"><p>Text.</p></div>
        <div class="author-bio footer"><h3>Jane Doe</h3><p>Jane Doe writes about money.</p></div></article>
        <div class="sidebar"><div class="author-bio"><h3>John Roe</h3></div></div></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    // One in the page's sidebar is not the post's.
    let page = r#"<body><article><h1>Post</h1><p>Text.</p></article>
        <div class="sidebar"><div class="author-box"><h3>John Roe</h3></div></div></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_first_name_on_a_site_named_after_its_owner_is_the_owners_full_name() {
    let page =
        r#"<body><h1>Post</h1><p class="byline">Posted by <a href="/author/jane/">Jane</a></p><p>Text.</p></body>"#;
    assert_eq!(site_page_authors(page, "Jane Doe"), ["Jane Doe"]);
    // Not a site that merely starts with the name.
    assert_eq!(site_page_authors(page, "Jane Doe Media Group"), ["Jane"]);
    assert_eq!(site_page_authors(page, "Example News"), ["Jane"]);
}

#[test]
fn the_post_author_beats_a_meta_author_naming_the_sites_owners() {
    let page = r#"<html><head><meta name="author" content="Jane Doe - John Roe"></head><body><article>
        <h2>Post</h2><p class="date">Erstellt von <a href="/author/max/">Max</a> am 6. Mai 2014</p>
        <p>Text.</p></article></body></html>"#;
    assert_eq!(page_authors(page), ["Max"]);
    // Without a post author shown, the meta tag still names the author.
    let page = r#"<html><head><meta name="author" content="Jane Doe - John Roe"></head><body>
        <p>Text.</p></body></html>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_labelled_byline_on_a_line_of_its_own_may_name_a_job_title_first() {
    // Far below the headline, inside the text's element.
    let prose = "Das Gericht entschied über den Fall. ".repeat(20);
    let page = format!(
        r#"<html><body><h1>Urteil</h1><div class="text">{prose}<br/><br/>Quelle: Agentur
        <br/><br/>Autor: <a href="/anwaelte/">Rechtsanwalt</a> Jane Doe</div></body></html>"#
    );
    assert_eq!(page_authors(&page), ["Jane Doe"]);
    assert_names(&[("Rechtsanwältin Jane Doe", true, &["Jane Doe"])]);
}

#[test]
fn an_address_written_against_spam_is_no_name() {
    assert_names(&[("jdoe[at]example.net", false, &[]), ("Jane Doe (at) example.net", true, &["Jane Doe"])]);
    let page = r#"<html><head><meta name="author" content="jdoe[at]example.net"></head><body><article>
        <h1>Post</h1><p>Von <a href="/author/jd42/">jd42</a> am 5. Mai 2020</p><p>Text.</p></article></body></html>"#;
    assert_eq!(page_authors(page), ["jd42"]);
}

#[test]
fn author_marks_are_those_of_the_selector() {
    let html = Html::parse_document(
        r#"<div class="byline"><span class="fn">A</span></div>
        <div class="vcard"><p><b class="fn extra">B</b></p></div>
        <div class="vcard author">C</div><div class="vcard">not C</div>
        <span itemprop="name author">D</span><span itemprop="authorName">not D</span>
        <meta itemprop="creator" content="E">
        <a rel="nofollow Author" href="/x">F</a><link rel="author" href="/y">
        <a href="https://example.com/autoren/g">G</a><span data-href="/author/h">not H</span>
        <a href="/Author/i">not I</a><span class="FN">not J</span><span class="fn">not K</span>"#,
    );
    let css = "[itemprop~=author], [itemprop~=creator], a[rel~=author], .vcard .fn, .author .fn, .byline .fn, \
               .vcard.author, a[href*='/author/'], a[href*='/autor/'], a[href*='/autoren/'], a[href*='/auteur/']";
    let by_selector: Vec<_> = html.select(&selector(css)).map(|el| el.id()).collect();
    let by_hand: Vec<_> =
        html.root_element().descendent_elements().filter(|el| marks_an_author(*el)).map(|el| el.id()).collect();
    assert_eq!(by_hand, by_selector);
    assert_eq!(by_hand.len(), 7);
}

#[test]
fn a_contributing_writers_title_is_no_part_of_the_name() {
    assert_bylines(&[("By David Okafor Contributing Columnist", &["David Okafor"])]);
}

#[test]
fn a_news_agency_in_a_byline_is_the_source_not_an_author() {
    assert_bylines(&[
        // A later one-word part or an organisation is the newsroom, not a writer.
        ("By Jane Doe and Newsdesk", &["Jane Doe"]),
        ("By Jane Doe, The Daily Example", &["Jane Doe"]),
        ("Posted by Konstantin", &["Konstantin"]),
        ("Posted by Konstantin, Albert and Ernestas", &["Konstantin", "Albert", "Ernestas"]),
        ("By Anna Smith with AFP", &["Anna Smith"]),
        ("By Reuters", &[]),
        ("By ANDREW DALTON AP", &["Andrew Dalton"]),
    ]);
    let credited = |html: &str| {
        let credits = page_credits(html);
        (credits.authors, credits.agency)
    };
    let page = r#"<body><h1>Headline</h1><div class="byline">By <span>Jane Pearson</span> and
        <span>Bob Tran</span>, CNN</div><p>Text.</p></body>"#;
    assert_eq!(credited(page), (vec!["Jane Pearson".to_owned(), "Bob Tran".to_owned()], Some("CNN".to_owned())));
    let page = r#"<body><h1>Headline</h1><p class="byline">By Zeke Miller, The Associated Press</p></body>"#;
    assert_eq!(credited(page), (vec!["Zeke Miller".to_owned()], Some("The Associated Press".to_owned())));
    let page = r#"<body><h1>Headline</h1><p class="byline">By Reuters</p><p>Text.</p></body>"#;
    assert_eq!(credited(page), (vec![], Some("Reuters".to_owned())));
    // The site's own newsroom is no source.
    let document = Html::parse_document(page);
    assert_eq!(credits(&document, &Meta::read(&document), &JsonLd::read(&document), Some("Reuters"), &[]).agency, None);
    // Stated for machines, beside a writer the page shows.
    let page = r#"<head><meta name="author" content="Associated Press"></head><body><h1>Headline</h1>
        <div class="byline">By MARY CLARE JALONICK Associated Press</div><p>Text.</p></body>"#;
    assert_eq!(credited(page).1, Some("Associated Press".to_owned()));
}

#[test]
fn an_agency_after_the_writers_name_is_the_source() {
    let credited = |byline: &str| {
        let page = format!(r#"<body><h1>Headline</h1><p class="byline">{byline}</p><p>Text.</p></body>"#);
        let credits = page_credits(&page);
        (credits.authors, credits.agency)
    };
    for (byline, author, agency) in [
        ("By ANDREW DALTON AP", "Andrew Dalton", Some("AP")),
        ("By JANE DOE Associated Press", "Jane Doe", Some("Associated Press")),
        ("By JANE DOE The Associated Press", "Jane Doe", Some("The Associated Press")),
        ("By John Smith Reuters", "John Smith", Some("Reuters")),
        // A writer's surname that is an agency's name is no credit.
        ("By Jane Bloomberg", "Jane Bloomberg", None),
        ("By Michael Reuters", "Michael Reuters", None),
    ] {
        assert_eq!(credited(byline), (vec![author.to_owned()], agency.map(str::to_owned)), "{byline}");
    }
}

#[test]
fn a_wire_storys_dateline_names_its_agency() {
    for (lead, agency) in [
        ("WASHINGTON (AP) — The Senate passed a stopgap bill late Friday.", Some("AP")),
        ("BERLIN, 3. Dezember (Reuters) - Die Regierung hat am Dienstag beschlossen.", Some("Reuters")),
        ("(AFP) - Thousands marched in Paris on Saturday.", Some("AFP")),
        // Not an agency, not a credit before the text, or too far into it.
        ("LONDON (Staff) - The council met on Tuesday.", None),
        ("The agency (Reuters) said on Tuesday that it would appeal.", None),
        ("The council met on Tuesday evening and voted, after a long debate (Reuters) - to rebuild it.", None),
    ] {
        assert_eq!(agency_in_dateline(lead).as_deref(), agency, "{lead}");
    }
}

#[test]
fn a_stated_name_written_surname_first_is_turned_round() {
    assert_names(&[("Lopez, Miguel", false, &["Miguel Lopez"]), ("Pearson, Jane", false, &["Jane Pearson"])]);
    // Two people, a name and its place or role, or a visible byline, are not.
    assert_names(&[
        ("Jane Doe, John Roe", false, &["Jane Doe", "John Roe"]),
        ("Jane, Reuters", false, &["Jane"]),
        ("Doe, Staff", false, &["Doe"]),
    ]);
    let page = r#"<head><meta name="DC.creator" content="Lopez, Miguel"></head><body><h1>H</h1><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Miguel Lopez"]);
}

#[test]
fn a_name_wholly_in_capitals_is_written_in_title_case_and_ends_before_its_employer() {
    assert_bylines(&[
        ("By MARY CLARE JALONICK and KEVIN FREKING Associated Press", &["Mary Clare Jalonick", "Kevin Freking"]),
        ("By LISA MASCARO and KEVIN FREKING Associated Press", &["Lisa Mascaro", "Kevin Freking"]),
        ("By JANE DOE", &["Jane Doe"]),
        ("By SEAN O'NEIL", &["Sean O'Neil"]),
        ("By JEAN-PAUL MCDONALD", &["Jean-Paul McDonald"]),
        ("By J.R. SMITH", &["J.R. Smith"]),
        // Not when a word is in mixed case, nor one word or an organisation's name.
        ("By MARY ANN McDONALD", &["MARY ANN McDONALD"]),
        ("By Jane Doe McAllister", &["Jane Doe McAllister"]),
        ("By T. V. Raman", &["T. V. Raman"]),
        ("By Jane Doe, AFP", &["Jane Doe"]),
    ]);
    assert_names(&[
        ("SID", false, &["SID"]),
        ("MUSTER MEDIA", false, &["MUSTER MEDIA"]),
        ("ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", false, &["ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ"]),
        ("By FIDEL RENDÓN", true, &["Fidel Rendón"]),
    ]);
}

#[test]
fn a_wire_credit_line_names_the_reporters_not_the_editors() {
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><p>(Reporting by Lewis Jackson; Editing by
        Christopher Cushing)</p></body>"#;
    assert_eq!(page_authors(page), ["Lewis Jackson"]);
    let page = r#"<body><h1>Headline</h1><p>Story text.</p><p class="credits">(Reporting by <a href="/a">Jane Doe</a>
        in London and John Roe in New York; Additional reporting by Jim Poe; Editing by Ann Lee)</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe", "John Roe", "Jim Poe"]);
    // Not inside a sentence, and a "By" line comes first.
    let page = r#"<body><h1>Headline</h1><p>The paper's reporting by Jane Doe won a prize.</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    let page = r#"<body><h1>Headline</h1><p>By Jane Doe</p><p>Story text.</p>
        <p>(Reporting by Jim Poe; Editing by Ann Lee)</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_by_line_of_its_own_between_line_breaks_is_a_byline() {
    let page = r#"<body><img src="logo.gif"><br><b>Harbor contract goes to Texas firm</b><br>By Jim Boudreaux<br>
        Staff Writer<br>Published: March 10, 2026<br><p>Story text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jim Boudreaux"]);
    // Inside a line of prose, not.
    let page = r#"<body><p>Story text.<br>The plan was drawn up by Jim Boudreaux<br>and others.</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn a_gallerys_photographer_is_its_author() {
    let figure = |caption: &str| {
        format!(
            r#"<figure><img src="/a.jpg"><figcaption>{caption}, as the crowd walked over the new bridge on its first morning.</figcaption></figure>"#
        )
    };
    let figures: String = ["The mayor", "A brass band", "Children"].iter().map(|c| figure(c)).collect();
    let gallery = |credit: &str, text: &str| {
        format!(r#"<body><h1>The bridge opens, in pictures</h1><p class="credit">{credit}</p>{text}{figures}</body>"#)
    };
    assert_eq!(page_authors(&gallery("Photos by Jane Doe", "")), ["Jane Doe"]);
    assert_eq!(page_authors(&gallery("Photographs by JOHN ROE", "<p>Short intro.</p>")), ["John Roe"]);
    // An article with photos is no gallery: its photographer is no author.
    let prose = "<p>The council met on Tuesday evening and voted, after a long debate, to rebuild the old bridge.</p>"
        .repeat(5);
    assert!(page_authors(&gallery("Photos by Jane Doe", &prose)).is_empty());
    // A byline names the author.
    let page = gallery("Photos by Jane Doe", r#"<p class="byline">By John Roe</p>"#);
    assert_eq!(page_authors(&page), ["John Roe"]);
}

#[test]
fn a_byline_after_a_date_written_out_is_read() {
    for (line, expected) in [
        ("Posted on December 2, 2026 by Karen Whitlow", "Karen Whitlow"),
        ("December 2nd, 2026 by Karen Whitlow", "Karen Whitlow"),
        ("Thursday, December 3, 2026 · By Erin Kowalski", "Erin Kowalski"),
        ("December 2, 2026 | By Jane Doe", "Jane Doe"),
        ("Nov. 5, 2026, 9:15 a.m. · By Jane Doe", "Jane Doe"),
        ("3. Dezember 2026 von Anna Müller", "Anna Müller"),
    ] {
        let page = format!("<body><h1>Headline</h1><div class=\"meta\">{line}</div><p>Story text.</p></body>");
        assert_eq!(page_authors(&page), [expected], "{line}");
    }
    // A date and "by" in prose is no byline.
    let page = r#"<body><h1>Headline</h1><p>The plan approved in March 2019 by Congress failed.</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
}

#[test]
fn labels_in_other_scripts_and_newsroom_titles_go_from_the_name() {
    assert_bylines(&[
        ("Автор: Иван Петров", &["Иван Петров"]),
        ("Авторы: Иван Петров, Анна Смирнова", &["Иван Петров", "Анна Смирнова"]),
        ("Текст: Иван Петров, фото: Анна Смирнова", &["Иван Петров"]),
        ("By Chief Meteorologist Dave Lindgren", &["Dave Lindgren"]),
        ("By Senior Reporter Jane Roe", &["Jane Roe"]),
        ("By Staff Writer Jim Poe", &["Jim Poe"]),
        ("Interview by Caleb Moss", &["Caleb Moss"]),
        ("Words by Jane Doe", &["Jane Doe"]),
        ("Story by Jane Doe", &["Jane Doe"]),
        // A title with no name after it, or a one-word name, stays no name.
        ("By Staff Writer", &[]),
    ]);
    let page = r#"<body><h1>Headline</h1><div class="info"><span class="author">Автор: <a href="/author/ip">Иван
        Петров</a></span></div><p>Текст.</p></body>"#;
    assert_eq!(page_authors(page), ["Иван Петров"]);
    let page = r#"<body><h1>Headline</h1><div class="story-meta">By Senior Reporter Jane Roe</div><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Roe"]);
    let page = r#"<body><h1>Headline</h1><p class="intro">Interview by <a href="/staff/jd">Jane Doe</a></p>
        <p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
}

#[test]
fn a_report_credit_and_a_photographer_beside_writers_are_no_authors() {
    assert_names(&[
        ("Staff Report", false, &[]),
        ("From staff reports", false, &[]),
        ("Staff and wire reports", false, &[]),
        // The newsroom that writes is its byline.
        ("Staff Writer", false, &["Staff Writer"]),
        ("Newsdesk", false, &["Newsdesk"]),
    ]);
    let page = r#"<head><meta name="author" content="Staff Report"></head><body><h1>Headline</h1>
        <div class="byline">Staff Report</div><p>Story text.</p></body>"#;
    assert_eq!(page_authors(page), Vec::<String>::new());
    let page = r#"<body><h1>Headline</h1><div class="byline">By <a href="/author/jd">Jane Doe</a>; Photos by
        <a href="/author/jr">Jim Roe</a>; Edited by Ann Lee</div><p>Text.</p></body>"#;
    assert_eq!(page_authors(page), ["Jane Doe"]);
    // A photographer named alone stays the only credit.
    let page = r#"<body><h1>Gallery</h1><div class="byline">Photos by <a href="/author/jr">Jim Roe</a></div></body>"#;
    assert_eq!(page_authors(page), ["Jim Roe"]);
}

#[test]
fn wire_datelines_and_source_labels_in_other_house_styles_name_the_agency() {
    for (lead, agency) in [
        ("Buenos Aires, 3 dic (EFE).- El Gobierno anunció un paquete de medidas.", Some("EFE")),
        ("(서울=연합뉴스) 김민수 기자 = 한국은행이 3일 기준금리를 동결했다.", Some("연합뉴스")),
        ("新华社北京12月3日电 国家统计局3日发布数据显示。", Some("新华社")),
        // Not an agency in brackets, nor a Chinese agency named later.
        ("(서울=한빛일보) 김민수 기자 = 한국은행이 3일 기준금리를 동결했다.", None),
        ("国家统计局3日发布数据，新华社报道称上涨。", None),
    ] {
        assert_eq!(agency_in_dateline(lead).as_deref(), agency, "{lead}");
    }
    let credited = |html: &str, lead: &[&str]| {
        let document = Html::parse_document(html);
        let lead: Vec<String> = lead.iter().map(|p| (*p).to_owned()).collect();
        let credits = credits(&document, &Meta::read(&document), &JsonLd::read(&document), None, &lead);
        (credits.authors, credits.agency)
    };
    // The reporter a Korean dateline names, where nothing else does.
    let lead = ["(서울=연합뉴스) 김민수 기자 = 한국은행이 3일 기준금리를 동결했다."];
    assert_eq!(credited("<h1>제목</h1><p>본문</p>", &lead), (vec!["김민수".to_owned()], Some("연합뉴스".to_owned())));
    // After a standfirst.
    let lead = ["Le trafic a été perturbé.", "PARIS, 3 décembre 2026 (AFP) - Le trafic a été fortement perturbé."];
    assert_eq!(credited("<h1>Titre</h1><p>Texte</p>", &lead).1.as_deref(), Some("AFP"));
    let page =
        r#"<body><h1>标题</h1><div class="info"><span>2026年12月03日</span><span>来源：新华社</span></div></body>"#;
    assert_eq!(credited(page, &[]).1.as_deref(), Some("新华社"));
    let page = r#"<body><h1>Título</h1><div class="autor">Por Lucía Fernández y Diego Martínez | Agencia EFE</div>
        <p>Texto.</p></body>"#;
    assert_eq!(
        credited(page, &[]),
        (vec!["Lucía Fernández".to_owned(), "Diego Martínez".to_owned()], Some("EFE".to_owned()))
    );
}
