//! Opening an index and reading articles back.

use std::path::{Path, PathBuf};

use morgue_model::{Article, ArticleId};
use tantivy::collector::TopDocs;
use tantivy::directory::MmapDirectory;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::schema::{self, Fields};
use crate::{Error, Result, Writer};

/// Most duplicates listed for one article.
const MAX_DUPLICATES: usize = 100;

/// A morgue index: a tantivy index with morgue's schema, and a reader on it.
///
/// The reader follows commits, including those of another process, within a
/// moment; [`SearchIndex::reload`] makes a commit visible at once.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

impl SearchIndex {
    /// Opens the index in directory `path`, creating the directory and an empty
    /// index if there is none.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the directory cannot be created, [`Error::SchemaMismatch`]
    /// if it holds an index of another schema, [`Error::Tantivy`] otherwise.
    pub fn open_or_create(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        let directory = MmapDirectory::open(path).map_err(|e| Error::Tantivy(e.into()))?;
        let index = Index::open_or_create(directory, schema::build()).map_err(|error| schema_error(error, path))?;
        Self::from_index(index, path)
    }

    /// Creates an empty index in memory, for tests and benchmarks.
    ///
    /// # Errors
    ///
    /// [`Error::Tantivy`] if tantivy cannot create the reader.
    pub fn create_in_ram() -> Result<Self> {
        Self::from_index(Index::create_in_ram(schema::build()), Path::new(":memory:"))
    }

    fn from_index(index: Index, path: &Path) -> Result<Self> {
        schema::register_analyzers(&index);
        let fields = Fields::resolve(&index.schema(), path)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(Self { index, reader, fields })
    }

    /// Returns a writer that adds articles to the index.
    ///
    /// Only one writer may be open on an index at a time, across processes.
    ///
    /// # Errors
    ///
    /// [`Error::Tantivy`] if another writer holds the index lock or
    /// `memory_bytes` is too small (tantivy wants at least 15 MB).
    pub fn writer(&self, memory_bytes: usize) -> Result<Writer<'_>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
        // Tantivy needs at least 15 MB per indexing thread.
        let threads = threads.min(memory_bytes / 15_000_000).max(1);
        let writer = self.index.writer_with_num_threads(threads, memory_bytes)?;
        Ok(Writer::new(self, writer))
    }

    /// Makes the last commit visible to searches now.
    ///
    /// # Errors
    ///
    /// [`Error::Tantivy`] if the index files cannot be read.
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// Returns the number of articles in the index.
    pub fn num_articles(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Returns the article with `id`, if the index holds it.
    ///
    /// # Errors
    ///
    /// [`Error::CorruptDocument`] if the stored article cannot be decoded,
    /// [`Error::Tantivy`] if the index cannot be read.
    pub fn article(&self, id: &ArticleId) -> Result<Option<Article>> {
        let searcher = self.searcher();
        match self.address_of(&searcher, id)? {
            Some(address) => self.load_article(&searcher, address).map(Some),
            None => Ok(None),
        }
    }

    /// Returns the other articles of the same story as the article with `id`
    /// (near-duplicates: the same wire copy on other sites), oldest first.
    ///
    /// # Errors
    ///
    /// As [`SearchIndex::article`].
    pub fn duplicates(&self, id: &ArticleId) -> Result<Vec<Article>> {
        let searcher = self.searcher();
        let Some(address) = self.address_of(&searcher, id)? else {
            return Ok(Vec::new());
        };
        let doc: TantivyDocument = searcher.doc(address)?;
        let Some(cluster) = doc.get_first(self.fields.cluster).and_then(|v| v.as_str()) else {
            return Ok(Vec::new());
        };
        let query = TermQuery::new(Term::from_field_text(self.fields.cluster, cluster), IndexRecordOption::Basic);
        let mut articles = searcher
            .search(&query, &TopDocs::with_limit(MAX_DUPLICATES).order_by_score())?
            .into_iter()
            .filter(|(_, other)| *other != address)
            .map(|(_, other)| self.load_article(&searcher, other))
            .collect::<Result<Vec<_>>>()?;
        articles.sort_by(|a, b| {
            a.published.map(|d| d.to_utc()).cmp(&b.published.map(|d| d.to_utc())).then_with(|| a.id.cmp(&b.id))
        });
        Ok(articles)
    }

    pub(crate) fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    pub(crate) fn fields(&self) -> &Fields {
        &self.fields
    }

    pub(crate) fn tantivy_index(&self) -> &Index {
        &self.index
    }

    /// Returns where the article with `id` is stored.
    pub(crate) fn address_of(&self, searcher: &Searcher, id: &ArticleId) -> Result<Option<DocAddress>> {
        let term = Term::from_field_text(self.fields.id, id.as_str());
        let query = TermQuery::new(term, IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        Ok(top.first().map(|(_, address)| *address))
    }

    /// Returns the stored content hash of the document at `address`.
    pub(crate) fn content_hash(&self, searcher: &Searcher, address: DocAddress) -> Result<Option<String>> {
        let doc: TantivyDocument = searcher.doc(address)?;
        Ok(doc.get_first(self.fields.content_hash).and_then(|v| v.as_str()).map(str::to_owned))
    }

    /// Decodes the article stored at `address`.
    pub(crate) fn load_article(&self, searcher: &Searcher, address: DocAddress) -> Result<Article> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let json = doc.get_first(self.fields.article).and_then(|v| v.as_str()).unwrap_or_default();
        serde_json::from_str(json).map_err(Error::CorruptDocument)
    }
}

/// Tells a schema conflict from other failures to open.
fn schema_error(error: tantivy::TantivyError, path: &Path) -> Error {
    match error {
        tantivy::TantivyError::SchemaError(_) => {
            Error::SchemaMismatch { path: PathBuf::from(path), field: "(schema differs)" }
        }
        other => Error::Tantivy(other),
    }
}
