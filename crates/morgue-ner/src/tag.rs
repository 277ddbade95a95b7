//! The BIO tag set.

/// Entity types the tagger knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Another name: events, works, nationalities.
    Misc,
}

impl Label {
    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Per => "PER",
            Self::Org => "ORG",
            Self::Loc => "LOC",
            Self::Misc => "MISC",
        }
    }

    fn index(self) -> u8 {
        match self {
            Self::Per => 0,
            Self::Org => 1,
            Self::Loc => 2,
            Self::Misc => 3,
        }
    }

    const ALL: [Self; 4] = [Self::Per, Self::Org, Self::Loc, Self::Misc];
}

/// Number of BIO tags: `O` and `B-`/`I-` of each [`Label`].
pub(crate) const N_TAGS: usize = 9;

/// A BIO tag, as its index: 0 is `O`, `1 + 2k` is `B-` and `2 + 2k` is `I-` of label `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag(pub(crate) u8);

impl Tag {
    /// Outside any entity.
    pub const O: Self = Self(0);

    /// The first token of an entity of `label`.
    pub fn begin(label: Label) -> Self {
        Self(1 + 2 * label.index())
    }

    /// A following token of an entity of `label`.
    pub fn inside(label: Label) -> Self {
        Self(2 + 2 * label.index())
    }

    /// The entity type, `None` for `O`.
    pub fn label(self) -> Option<Label> {
        if self.0 == 0 { None } else { Label::ALL.get(usize::from((self.0 - 1) / 2)).copied() }
    }

    /// Whether this tag starts an entity.
    pub fn is_begin(self) -> bool {
        self.0 % 2 == 1
    }

    /// Whether `self` may follow `prev` (`None` at the start of a sentence): an
    /// `I-X` only after `B-X` or `I-X`.
    pub(crate) fn may_follow(self, prev: Option<Self>) -> bool {
        ALLOWED[prev.map_or(N_TAGS, Self::index)][self.index()]
    }

    /// Parses `O`, `B-PER`, `I-LOC`, ...; other types (and IOB1's `I-` openings) as given.
    pub fn parse(s: &str) -> Option<Self> {
        if s == "O" {
            return Some(Self::O);
        }
        let (prefix, ty) = s.split_once('-')?;
        let label = Label::ALL.into_iter().find(|l| l.as_str() == ty)?;
        match prefix {
            "B" | "S" => Some(Self::begin(label)),
            "I" | "E" => Some(Self::inside(label)),
            _ => None,
        }
    }

    /// The CoNLL form: `O`, `B-PER`, ...
    pub fn to_conll(self) -> String {
        match self.label() {
            None => "O".to_owned(),
            Some(l) => format!("{}-{}", if self.is_begin() { "B" } else { "I" }, l.as_str()),
        }
    }

    pub(crate) fn index(self) -> usize {
        usize::from(self.0)
    }

    pub(crate) fn from_index(i: usize) -> Self {
        Self(i as u8)
    }
}

/// `ALLOWED[prev][tag]`: whether `tag` may follow `prev` (row [`N_TAGS`]: the sentence start).
static ALLOWED: [[bool; N_TAGS]; N_TAGS + 1] = allowed();

const fn allowed() -> [[bool; N_TAGS]; N_TAGS + 1] {
    let mut table = [[false; N_TAGS]; N_TAGS + 1];
    let mut prev = 0;
    while prev <= N_TAGS {
        let mut tag = 0;
        while tag < N_TAGS {
            // O and B-X anywhere; I-X (even index > 0) only after B-X (tag - 1) or I-X (tag).
            table[prev][tag] = tag == 0 || tag % 2 == 1 || (prev < N_TAGS && (prev == tag || prev + 1 == tag));
            tag += 1;
        }
        prev += 1;
    }
    table
}
