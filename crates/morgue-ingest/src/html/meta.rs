//! What publishers state for machines: `<meta>` and `<link>` tags, and the
//! JSON-LD objects of the page.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::{ancestors, attr};
use crate::extractor::clean_inline;

pub(super) fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid CSS")
}

/// The page's `<meta>` and `<link>` tags, and what its microdata and RDFa
/// say of the article.
pub(super) struct Meta {
    pairs: Vec<(String, String)>,
    links: Vec<(String, String)>,
    pub(super) item: Item,
    /// The steps of the page's first visible breadcrumb trail.
    pub(super) breadcrumb: Vec<Crumb>,
}

/// The most links a breadcrumb trail shows.
const MAX_CRUMBS: usize = 6;

/// A step of a breadcrumb trail: its name and where it leads.
pub(super) struct Crumb {
    pub(super) name: String,
    pub(super) url: Option<String>,
}

/// What the page's microdata (`itemprop`) or RDFa (`property`) states of its
/// article, for pages that state it nowhere else.
#[derive(Default)]
pub(super) struct Item {
    /// The article's `mainEntityOfPage` or `url`, else the item's own
    /// identifier (`itemid`, RDFa `resource`/`about`).
    pub(super) url: Option<String>,
    pub(super) section: Option<String>,
    /// The name of the page's `publisher` item, or the publisher as written.
    pub(super) publisher: Option<String>,
}

impl Meta {
    pub(super) fn read(document: &Html) -> Self {
        let (mut pairs, mut links) = (Vec::new(), Vec::new());
        let (mut item, mut item_id, mut breadcrumb) = (Item::default(), None, Vec::new());
        // One walk for tags and item properties, in document order.
        for el in document.root_element().descendent_elements() {
            let v = el.value();
            if let Some(props) = attr(v, "itemprop").or_else(|| attr(v, "property")) {
                item.read(el, props);
            }
            // A trail is a few links: more are a menu that came with it.
            if breadcrumb.is_empty() && is_breadcrumb(v) {
                breadcrumb = el
                    .descendent_elements()
                    .filter(|a| a.value().name() == "a")
                    .take(MAX_CRUMBS + 1)
                    .map(|a| Crumb {
                        name: clean_inline(&a.text().collect::<String>()),
                        url: attr(a.value(), "href").map(str::to_owned),
                    })
                    .collect();
                if breadcrumb.len() > MAX_CRUMBS {
                    breadcrumb.clear();
                }
            }
            if item_id.is_none() && is_article_item(v) {
                item_id =
                    attr(v, "itemid").or_else(|| attr(v, "resource")).or_else(|| attr(v, "about")).and_then(http_url);
            }
            match v.name() {
                "meta" => {
                    let Some(content) = attr(v, "content").map(clean_inline).filter(|c| !c.is_empty()) else {
                        continue;
                    };
                    let Some(names) = attr(v, "property").or_else(|| attr(v, "name")).or_else(|| attr(v, "itemprop"))
                    else {
                        continue;
                    };
                    // RDFa lets one tag hold several names
                    // (`property="og:title twitter:title"`): a pair each.
                    for name in names.split_whitespace() {
                        pairs.push((name.to_ascii_lowercase(), content.clone()));
                    }
                }
                "link" => {
                    if let (Some(rel), Some(href)) = (attr(v, "rel"), attr(v, "href")) {
                        links.push((rel.to_ascii_lowercase(), href.trim().to_owned()));
                    }
                }
                _ => {}
            }
        }
        item.url = item.url.or(item_id);
        Self { pairs, links, item, breadcrumb }
    }

    /// The first value of the meta tag `name` (lower case).
    pub(super) fn get(&self, name: &str) -> Option<String> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }

    /// The first value of any of `names`, in the order given.
    pub(super) fn first(&self, names: &[&str]) -> Option<String> {
        names.iter().find_map(|name| self.get(name))
    }

    /// Every value of the meta tag `name` (lower case).
    pub(super) fn all(&self, name: &str) -> Vec<String> {
        self.pairs.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    /// The `href` of the first absolute `<link rel>` of that kind.
    pub(super) fn link(&self, rel: &str) -> Option<String> {
        self.links.iter().find(|(r, href)| r == rel && href.starts_with("http")).map(|(_, href)| href.clone())
    }
}

impl Item {
    /// Reads the properties `props` of one element that belong to the
    /// article item, or name its publisher item.
    fn read(&mut self, el: ElementRef<'_>, props: &str) {
        let v = el.value();
        for prop in props.split_whitespace().map(schema_name) {
            match prop {
                "mainEntityOfPage" | "url" if self.url.is_none() && owned_by_article(el) => {
                    self.url = ["itemid", "resource", "href", "content"]
                        .into_iter()
                        .find_map(|name| attr(v, name))
                        .and_then(http_url);
                }
                // A shown section is often a label and a link (`Posted in <a>News</a>`): the link names it.
                "articleSection" if self.section.is_none() && owned_by_article(el) => {
                    let link = el.descendent_elements().skip(1).find(|e| e.value().name() == "a");
                    self.section = text_value(link.unwrap_or(el)).filter(|s| s.chars().count() <= 80);
                }
                // A publisher item holds its name; a plain one is its name.
                "publisher" if self.publisher.is_none() && !is_item(v) => {
                    self.publisher = text_value(el).filter(|s| http_url(s).is_none());
                }
                "name" if self.publisher.is_none() => {
                    let owner = owner(el).map(|o| o.value());
                    if owner
                        .and_then(|o| attr(o, "itemprop").or_else(|| attr(o, "property")))
                        .is_some_and(|p| p.split_whitespace().any(|p| schema_name(p) == "publisher"))
                    {
                        self.publisher = text_value(el);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A schema.org property or type without its vocabulary (`schema:name`,
/// `http://schema.org/name`); other vocabularies' names (`og:url`) as written.
fn schema_name(name: &str) -> &str {
    ["https://schema.org/", "http://schema.org/", "schema:"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name)
}

/// Whether an element holds a breadcrumb trail: a microdata
/// `BreadcrumbList`, `aria-label="Breadcrumb"`, or a class or id that names
/// a trail (`breadcrumbs`, `c-breadcrumb`), not one of its parts
/// (`breadcrumb-item`) nor a block around it (`intro__breadcrumbNavigation`).
fn is_breadcrumb(element: &scraper::node::Element) -> bool {
    let says = |value: &str| value.as_bytes().windows(10).any(|w| w.eq_ignore_ascii_case(b"breadcrumb"));
    let names = |value: &str| {
        value.split_whitespace().any(|token| {
            let token = token.trim_end_matches(['s', 'S']).as_bytes();
            token.len() >= 10 && token[token.len() - 10..].eq_ignore_ascii_case(b"breadcrumb")
        })
    };
    attr(element, "itemtype").is_some_and(says)
        || attr(element, "aria-label").is_some_and(says)
        || [attr(element, "class"), element.id()].into_iter().flatten().any(names)
}

/// Whether an element starts a microdata or RDFa item.
fn is_item(element: &scraper::node::Element) -> bool {
    attr(element, "itemscope").is_some() || attr(element, "typeof").is_some()
}

/// Whether an element is an item of an article type.
fn is_article_item(element: &scraper::node::Element) -> bool {
    attr(element, "itemtype")
        .or_else(|| attr(element, "typeof"))
        .is_some_and(|types| types.split_whitespace().any(|t| ARTICLE_TYPES.contains(&schema_name(t))))
}

/// The item a property belongs to: the nearest item around it.
fn owner(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    ancestors(el).find(|a| is_item(a.value()))
}

/// Whether a property is the article's own, not a teaser's or an author's.
fn owned_by_article(el: ElementRef<'_>) -> bool {
    owner(el).is_some_and(|o| is_article_item(o.value()))
}

/// A property's text: its `content`, else the text it shows.
fn text_value(el: ElementRef<'_>) -> Option<String> {
    let text = match attr(el.value(), "content") {
        Some(content) => clean_inline(content),
        None => clean_inline(&el.text().collect::<String>()),
    };
    (!text.is_empty()).then_some(text)
}

fn http_url(value: &str) -> Option<String> {
    let value = value.trim();
    value.starts_with("http").then(|| value.to_owned())
}

/// Fields of the page's JSON-LD objects: the article object first, the
/// page's other objects (`WebPage`, `Organization`) for what it lacks.
#[derive(Default)]
pub(super) struct JsonLd {
    /// The page has an object of an article type.
    pub(super) is_article: bool,
    /// Types of every object seen (to tell a home page from an article).
    pub(super) types: Vec<String>,
    pub(super) headline: Option<String>,
    pub(super) url: Option<String>,
    pub(super) description: Option<String>,
    pub(super) published: Option<String>,
    /// The `datePublished` of the page's one dated object of another type
    /// (a `HowTo`, a `Recipe`): the page's own date when no article or web
    /// page object states one. Several such objects are a list of others'.
    pub(super) other_published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) section: Option<String>,
    pub(super) publisher: Option<String>,
    pub(super) keywords: Vec<String>,
    /// The steps of the page's `BreadcrumbList`, in order.
    pub(super) breadcrumb: Vec<Crumb>,
    pub(super) authors: Vec<String>,
    pub(super) language: Option<String>,
    /// The `articleBody` of the page's one article object, as written
    /// (plain text with line breaks, or HTML).
    pub(super) article_body: Option<String>,
}

/// `@type` values of article objects.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SocialMediaPosting",
    "Blog",
];

impl JsonLd {
    pub(super) fn read(document: &Html) -> Self {
        let mut found = Self::default();
        let mut values = Vec::new();
        for script in super::tagged(document, "script") {
            if !attr(script.value(), "type")
                .is_some_and(|t| t.trim().to_ascii_lowercase().starts_with("application/ld+json"))
            {
                continue;
            }
            let text: String = script.text().collect();
            let text = unwrap_script(&text);
            // Raw line breaks and tabs inside strings are invalid JSON but common.
            let parsed = serde_json::from_str::<Value>(text).or_else(|_| {
                let cleaned: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
                serde_json::from_str::<Value>(&cleaned)
            });
            let Ok(value) = parsed else {
                continue;
            };
            values.push(value);
        }
        let mut objects = Vec::new();
        for value in &values {
            collect_objects(value, &mut objects, 0);
        }
        for object in &objects {
            found.types.extend(types_of(object));
        }
        if let Some(article) = objects.iter().find(|o| types_of(o).iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())))
        {
            found.is_article = true;
            found.fill(article, &objects);
        }
        if let Some(list) = objects.iter().find(|o| types_of(o).iter().any(|t| t == "BreadcrumbList")) {
            found.breadcrumb = crumbs(list);
        }
        // Only one object may carry a body: a list of articles is not one article.
        let mut bodies = objects.iter().filter_map(|o| o.get("articleBody").and_then(Value::as_str));
        if let (Some(body), None) = (bodies.next(), bodies.next()) {
            found.article_body = Some(body.to_owned()).filter(|_| found.is_article);
        }
        // A WebPage object often carries the dates and the author instead.
        for object in objects.iter().filter(|o| types_of(o).iter().any(|t| t.ends_with("WebPage"))) {
            found.fill(object, &objects);
        }
        // A video page's only date is often its VideoObject's `uploadDate`.
        let mut dated = objects
            .iter()
            .filter_map(|o| o.get("datePublished").or_else(|| o.get("uploadDate")).and_then(first_string));
        if let (Some(date), None) = (dated.next(), dated.next()) {
            found.other_published = Some(clean_inline(&date)).filter(|_| found.published.is_none());
        }
        // Any other object's author (a Recipe, a VideoObject, a CreativeWork).
        if found.authors.is_empty()
            && let Some(object) = objects.iter().find(|o| o.get("author").is_some())
        {
            let publisher = found.publisher.clone();
            found.authors = object.get("author").map(|a| names(a, publisher.as_deref(), &objects)).unwrap_or_default();
        }
        found
    }

    /// Fills the fields still empty from `object`.
    fn fill(&mut self, object: &Value, objects: &[&Value]) {
        let string =
            |key: &str| object.get(key).and_then(first_string).map(|s| clean_inline(&s)).filter(|s| !s.is_empty());
        if self.headline.is_none() {
            self.headline = string("headline").or_else(|| string("name")).or_else(|| string("alternativeHeadline"));
        }
        if self.url.is_none() {
            self.url = string("url").or_else(|| string("mainEntityOfPage")).filter(|u| u.starts_with("http"));
        }
        if self.description.is_none() {
            self.description = string("description");
        }
        if self.published.is_none() {
            self.published = string("datePublished").or_else(|| string("dateCreated"));
        }
        if self.modified.is_none() {
            self.modified = string("dateModified");
        }
        if self.section.is_none() {
            self.section = string("articleSection");
        }
        if self.language.is_none() {
            self.language = string("inLanguage");
        }
        if self.publisher.is_none() {
            self.publisher = object.get("publisher").and_then(|p| match p {
                Value::Array(items) => {
                    items.first().map(|p| resolve(p, objects)).and_then(|p| p.get("name")).and_then(first_string)
                }
                other => resolve(other, objects).get("name").and_then(first_string),
            });
        }
        if self.keywords.is_empty() {
            self.keywords = match object.get("keywords") {
                Some(Value::String(s)) => s.split(',').map(clean_inline).filter(|k| !k.is_empty()).collect(),
                Some(Value::Array(items)) => {
                    items.iter().filter_map(Value::as_str).map(clean_inline).filter(|k| !k.is_empty()).collect()
                }
                _ => Vec::new(),
            };
        }
        if self.authors.is_empty() {
            let publisher = self.publisher.clone();
            self.authors = object
                .get("author")
                .or_else(|| object.get("creator"))
                .map(|a| names(a, publisher.as_deref(), objects))
                .unwrap_or_default();
        }
    }
}

/// The steps of a `BreadcrumbList`, by their `position`: each names itself
/// or its `item`, which is a URL or an object with an `@id`.
fn crumbs(list: &Value) -> Vec<Crumb> {
    let Some(Value::Array(items)) = list.get("itemListElement") else { return Vec::new() };
    let mut steps: Vec<(i64, Crumb)> = items
        .iter()
        .enumerate()
        .filter_map(|(at, step)| {
            let item = step.get("item");
            let name = step.get("name").or_else(|| item.and_then(|i| i.get("name"))).and_then(first_string)?;
            let url = item.and_then(|i| i.get("@id").or_else(|| i.get("url")).unwrap_or(i).as_str());
            let position = step.get("position").and_then(|p| p.as_i64().or_else(|| p.as_str()?.parse().ok()));
            Some((position.unwrap_or(at as i64), Crumb { name: clean_inline(&name), url: url.map(str::to_owned) }))
        })
        .collect();
    steps.sort_by_key(|(position, _)| *position);
    steps.into_iter().map(|(_, crumb)| crumb).collect()
}

/// Gathers the JSON objects of a JSON-LD value: arrays, `@graph`s, nested `mainEntity`.
fn collect_objects<'a>(value: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(object) => {
            if object.contains_key("@type") {
                out.push(value);
            }
            for key in ["@graph", "mainEntity", "itemListElement"] {
                if let Some(inner) = object.get(key) {
                    collect_objects(inner, out, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn types_of(object: &Value) -> Vec<String> {
    match object.get("@type") {
        Some(Value::String(s)) => {
            vec![s.trim_start_matches("http://schema.org/").trim_start_matches("https://schema.org/").to_owned()]
        }
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// A string value, or the first string of an array, or an object's `@id`/`name`.
fn first_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(first_string),
        Value::Object(object) => object.get("@id").or_else(|| object.get("name")).and_then(first_string),
        _ => None,
    }
}

/// The object a reference (`{"@id": "#author"}`, as Yoast writes its `@graph`)
/// points to, or the value itself.
fn resolve<'a>(value: &'a Value, objects: &[&'a Value]) -> &'a Value {
    let Value::Object(object) = value else { return value };
    if object.contains_key("name") {
        return value;
    }
    let Some(id) = object.get("@id").and_then(Value::as_str) else { return value };
    objects
        .iter()
        .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.get("name").is_some())
        .copied()
        .unwrap_or(value)
}

/// Names from a JSON-LD `author` value (string, object or array), without
/// organisations that are the publisher itself.
fn names(value: &Value, publisher: Option<&str>, objects: &[&Value]) -> Vec<String> {
    let value = resolve(value, objects);
    match value {
        Value::String(s) => vec![clean_inline(s)],
        Value::Object(object) => {
            let is_organization =
                types_of(value).iter().any(|t| t.contains("Organization") || t.contains("Corporation"));
            let name = object.get("name").and_then(first_string).map(|s| clean_inline(&s));
            match name {
                Some(name) if is_organization && publisher.is_some_and(|p| p.eq_ignore_ascii_case(&name)) => Vec::new(),
                Some(name) => vec![name],
                None => Vec::new(),
            }
        }
        Value::Array(items) => items.iter().flat_map(|v| names(v, publisher, objects)).collect(),
        _ => Vec::new(),
    }
}

/// The JSON of a script without what hides it from old browsers and XML
/// parsers: `<!-- ... -->`, `<![CDATA[ ... ]]>` and `//<![CDATA[ ... //]]>`.
fn unwrap_script(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let inner = text
            .trim_start_matches("//")
            .trim_start()
            .trim_start_matches("<!--")
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("-->")
            .trim_end_matches("]]>")
            .trim_end()
            .trim_end_matches("//")
            .trim();
        if inner.len() == text.len() {
            return text;
        }
        text = inner;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_read_under_each_of_its_names() {
        let page = Html::parse_document(
            r#"<head><meta property="og:title twitter:title" content="A title">
            <meta property="og:description" name="description" content="A summary">
            <meta property="dc:creator" content="  "></head>"#,
        );
        let meta = Meta::read(&page);
        assert_eq!(meta.get("og:title").as_deref(), Some("A title"));
        assert_eq!(meta.get("twitter:title").as_deref(), Some("A title"));
        // The property names the tag, before its name.
        assert_eq!(meta.get("og:description").as_deref(), Some("A summary"));
        assert_eq!(meta.get("description"), None);
        assert_eq!(meta.get("dc:creator"), None);
    }

    #[test]
    fn microdata_and_rdfa_state_the_articles_url_section_and_publisher() {
        let page = Html::parse_document(
            r#"<body><div itemscope itemtype="http://schema.org/ItemList">
            <div itemscope itemtype="http://schema.org/Thing"><a itemprop="url" href="https://example.com/other">x</a>
            <meta itemprop="articleSection" content="Teasers"></div></div>
            <article itemscope itemtype="https://schema.org/NewsArticle" itemid="https://example.com/id">
            <link itemprop="mainEntityOfPage" href="https://example.com/farm/fair">
            <meta itemprop="articleSection" content="Agriculture">
            <span itemprop="author" itemscope itemtype="http://schema.org/Person"><a itemprop="url" href="https://example.com/walt">
            <span itemprop="name">Walt Jessup</span></a></span>
            <div itemprop="publisher" itemscope itemtype="http://schema.org/Organization">
            <div itemprop="logo" itemscope itemtype="http://schema.org/ImageObject"><meta itemprop="name" content="Logo"></div>
            <meta itemprop="name" content="Tri-County Echo"></div></article></body>"#,
        );
        let item = Meta::read(&page).item;
        assert_eq!(item.url.as_deref(), Some("https://example.com/farm/fair"));
        assert_eq!(item.section.as_deref(), Some("Agriculture"));
        assert_eq!(item.publisher.as_deref(), Some("Tri-County Echo"));
        // RDFa: the article's `resource`, a shown section, a publisher as written.
        let page = Html::parse_document(
            r#"<body vocab="http://schema.org/"><div typeof="schema:BlogPosting" resource="https://example.org/arts/panels">
            <span property="schema:articleSection" class="kicker">Filed in <a href="/arts"> Arts </a></span><h1 property="headline">Panels</h1>
            <span property="publisher">Campus &amp; Culture</span><meta property="og:url" content="https://example.org/og"></div></body>"#,
        );
        let item = Meta::read(&page).item;
        assert_eq!(item.url.as_deref(), Some("https://example.org/arts/panels"));
        assert_eq!(item.section.as_deref(), Some("Arts"));
        assert_eq!(item.publisher.as_deref(), Some("Campus & Culture"));
    }

    #[test]
    fn json_ld_hidden_in_a_comment_or_cdata_section_is_read() {
        let json = r#"{"@type":"NewsArticle","headline":"Bridge opens","datePublished":"2015-10-15"}"#;
        for wrapped in [
            json.to_owned(),
            format!("<!-- {json} -->"),
            format!("\n  <![CDATA[\n  {json}\n  ]]>\n"),
            format!("//<![CDATA[\n{json}\n//]]>"),
        ] {
            let page = Html::parse_document(&format!(r#"<script type="application/ld+json">{wrapped}</script>"#));
            let ld = JsonLd::read(&page);
            assert_eq!(ld.published.as_deref(), Some("2015-10-15"), "{wrapped}");
        }
    }
}
