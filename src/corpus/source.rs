//! Resolving INPUT arguments (files, folders, `-`) into a sorted list of sources.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{IngestOptions, Skipped};
use crate::error::{Error, ErrorKind, Location, Problem, Result};

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt` / `.md`: the whole file is one document, with optional front matter.
    Text,
    /// `.jsonl` / `.ndjson` (and standard input): one JSON object per line.
    JsonLines,
}

impl Format {
    /// The format for a file name's extension, if crosscheck reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "md" | "markdown" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// One file to read.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where to read the bytes.
    pub path: PathBuf,
    /// The name shown in messages: the path as given or joined under the given folder, `-` for
    /// standard input.
    pub display: String,
    /// How to read it.
    pub format: Format,
    /// The id of a whole-file document without an `id` in its front matter: the path relative to
    /// the INPUT folder with `/` separators, or the file name.
    pub default_id: String,
    /// Keeps the spooled copy of standard input alive.
    _spool: Option<Arc<tempfile::TempPath>>,
}

impl Source {
    /// A file on disk (not standard input).
    fn file(path: PathBuf, display: String, format: Format, default_id: String) -> Source {
        Source {
            path,
            display,
            format,
            default_id,
            _spool: None,
        }
    }
}

/// Adds the sources of one INPUT argument.
pub(super) fn resolve(
    input: &Path,
    options: &IngestOptions,
    sources: &mut Vec<Source>,
    skips: &mut Vec<Skipped>,
) -> Result<()> {
    if input.as_os_str() == "-" {
        return spool_stdin(sources);
    }
    let display = input.display().to_string();
    let meta = std::fs::metadata(input).map_err(|e| {
        Error::from(ErrorKind::Input {
            at: Location::file(display.clone()),
            problem: Problem::Unreadable(e.to_string()),
        })
    })?;
    if meta.is_dir() {
        let mut files = Vec::new();
        walk(input, options, &mut files, skips)?;
        files.sort();
        for path in files {
            let rel = path.strip_prefix(input).unwrap_or(&path);
            let default_id = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let display = path.display().to_string();
            match Format::from_path(&path) {
                Some(format) => {
                    let source = Source::file(path, display, format, default_id);
                    sources.push(source);
                }
                None => {
                    let at = Location::file(display);
                    reject(at, Problem::UnknownExtension, options, skips)?;
                }
            }
        }
    } else {
        // A file named on the command line: read it as text unless it says JSON Lines.
        let format = Format::from_path(input).unwrap_or(Format::Text);
        let default_id = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| display.clone());
        let source = Source::file(input.to_path_buf(), display, format, default_id);
        sources.push(source);
    }
    Ok(())
}

/// An input or record that cannot be read as it is: an error, or a counted skip under
/// `--skip-invalid`.
pub(super) fn reject(
    at: Location,
    problem: Problem,
    options: &IngestOptions,
    skips: &mut Vec<Skipped>,
) -> Result<()> {
    if options.skip_invalid {
        skips.push(Skipped { at, problem });
        Ok(())
    } else {
        Err(Error::from(ErrorKind::Input { at, problem }))
    }
}

/// Collects every non-hidden file under `dir`. An entry that cannot be read (a dangling symlink,
/// a folder without permission) is an error, or a skip under `--skip-invalid`.
fn walk(
    dir: &Path,
    options: &IngestOptions,
    files: &mut Vec<PathBuf>,
    skips: &mut Vec<Skipped>,
) -> Result<()> {
    let unreadable = |e: std::io::Error| {
        Error::from(ErrorKind::Input {
            at: Location::file(dir.display().to_string()),
            problem: Problem::Unreadable(e.to_string()),
        })
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follow symlinks the way `metadata` does; a broken link is reported as unreadable.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                let at = Location::file(path.display().to_string());
                reject(at, Problem::Unreadable(e.to_string()), options, skips)?;
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, options, files, skips)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// Copies standard input to a temporary file, so it can be read again for `--emit keep`.
fn spool_stdin(sources: &mut Vec<Source>) -> Result<()> {
    let mut file = tempfile::NamedTempFile::new().map_err(|e| Error::io("<temporary file>", e))?;
    std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(|e| Error::io("-", e))?;
    let path = file.into_temp_path();
    sources.push(Source {
        path: path.to_path_buf(),
        display: "-".to_string(),
        format: Format::JsonLines,
        default_id: "-".to_string(),
        _spool: Some(Arc::new(path)),
    });
    Ok(())
}
