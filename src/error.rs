//! One error type for the whole crate.
//!
//! [`Error`] is a boxed [`ErrorKind`], so `Result<T>` stays one pointer wide on the happy path.
//! Every error about input data carries a [`Location`]: the file (or `-` for standard input) and,
//! for JSON Lines, the line of the record (counted from 1), so that a bad record in a million-line
//! file can be found.
//!
//! ```
//! use crosscheck::{Error, ErrorKind, Location, Problem};
//!
//! let err = Error::from(ErrorKind::Input {
//!     at: Location::line("news.jsonl", 3),
//!     problem: Problem::MissingText,
//! });
//! assert_eq!(err.to_string(), "news.jsonl:3: record has no \"text\" field");
//! assert!(err.is_bad_input());
//! ```

use std::fmt;
use std::path::PathBuf;

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any error crosscheck reports. Cheap to move: the kind is boxed.
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Consumes the error and returns its kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.0
    }

    /// Where in the input the error happened, when it is about input data.
    pub fn location(&self) -> Option<&Location> {
        match &*self.0 {
            ErrorKind::Input { at, .. } | ErrorKind::Io { at, .. } => Some(at),
            _ => None,
        }
    }

    /// True for errors caused by the input data (a bad record, an unreadable file): the errors that
    /// `--skip-invalid` turns into counted skips.
    pub fn is_bad_input(&self) -> bool {
        matches!(&*self.0, ErrorKind::Input { .. })
    }

    /// A usage or configuration error with a message.
    pub fn config(message: impl Into<String>) -> Error {
        Error::from(ErrorKind::Config(message.into()))
    }

    /// An I/O error at a path (no line).
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::from(ErrorKind::Io {
            at: Location::file(path.into().display().to_string()),
            source,
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } | ErrorKind::Output { source } => Some(source),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error(Box::new(kind))
    }
}

/// The kinds of [`Error`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A record or file that cannot be used as a document. `--skip-invalid` skips these.
    #[error("{at}: {problem}")]
    Input {
        /// Where the record is.
        at: Location,
        /// What is wrong with it.
        problem: Problem,
    },
    /// Reading an input failed for a reason outside the data (a vanished file, a device error).
    #[error("{at}: {source}")]
    Io {
        /// The file.
        at: Location,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Writing output failed.
    #[error("cannot write output: {source}")]
    Output {
        /// The underlying error.
        source: std::io::Error,
    },
    /// An invalid option value or combination.
    #[error("{0}")]
    Config(String),
}

/// What is wrong with an input record. Each of these is skippable with `--skip-invalid`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte {offset} of the record")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte, inside the record.
        offset: usize,
    },
    /// The text contains NUL bytes: binary data, not an article.
    #[error("binary data (NUL byte at byte {offset} of the record)")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A JSON Lines record that does not parse, or is not an object of the expected shape.
    #[error("malformed JSON record: {0}")]
    MalformedJson(String),
    /// A JSON Lines record without a `text` field.
    #[error("record has no \"text\" field")]
    MissingText,
    /// A record or file whose text is empty or only whitespace.
    #[error("empty text")]
    EmptyText,
    /// A JSON Lines record without an `id`, or an empty id.
    #[error("record has no \"id\" field (or it is empty)")]
    MissingId,
    /// The same id twice.
    #[error("duplicate id {id:?} (first seen at {first})")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the first record with that id is.
        first: Location,
    },
    /// A `published` value that is neither `YYYY-MM-DD` nor RFC 3339.
    #[error("invalid published date {0:?} (expected YYYY-MM-DD or RFC 3339)")]
    InvalidDate(String),
    /// A front-matter block that opens with `---` but never closes, or has a line that is not
    /// `key: value`.
    #[error("malformed front matter: {0}")]
    FrontMatter(String),
    /// A JSON Lines file (or standard input) with no record: nothing but blank lines, or nothing.
    #[error("empty file: no records")]
    EmptyFile,
    /// A file inside a folder whose extension crosscheck does not read.
    #[error("unknown file extension (expected .txt, .md, .jsonl or .ndjson)")]
    UnknownExtension,
    /// A record larger than the configured limit.
    #[error("record of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the record in bytes.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A file or folder that cannot be read (permissions, not found).
    #[error("cannot read: {0}")]
    Unreadable(String),
}

/// Where a record is: a file (or `-` for standard input) and, for JSON Lines, its line.
///
/// Lines count from 1; a whole-file document (`.txt`, `.md`) has no line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The path as the user would recognise it (as given, or joined under the given folder).
    pub path: String,
    /// The line of the record, from 1.
    pub line: Option<u64>,
}

impl Location {
    /// A whole file.
    pub fn file(path: impl Into<String>) -> Location {
        Location {
            path: path.into(),
            line: None,
        }
    }

    /// One line of a file.
    pub fn line(path: impl Into<String>, line: u64) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => f.write_str(&self.path),
        }
    }
}
