//! The crate's own source files, for the checks that read code as text (rust-analyzer's `tidy`
//! manner): every textarea through `text_box`, every island's words in the browser's table.

use std::path::Path;

/// `(path, text)` of every `.rs` file under `src/`.
pub(crate) fn app_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}
