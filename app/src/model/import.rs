//! 批量导入: task and responsibility lists pasted from the spreadsheets departments keep.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportKind {
    /// 任务清单: title, owner, level, due, state
    Tasks,
    /// 责任清单: duty (the wording), department, level, batch
    Responsibilities,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Tasks => "tasks",
            ImportKind::Responsibilities => "responsibilities",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [ImportKind::Tasks, ImportKind::Responsibilities]
            .into_iter()
            .find(|k| k.as_str() == token)
    }

    /// The header row the file must start with (Chinese or English names accepted).
    pub fn columns(self) -> &'static [(&'static str, &'static str)] {
        match self {
            ImportKind::Tasks => &[
                ("title", "任务"),
                ("owner", "责任单位"),
                ("level", "层级"),
                ("due", "完成时限"),
                ("state", "状态"),
            ],
            ImportKind::Responsibilities => &[
                ("duty", "职责"),
                ("department", "责任单位"),
                ("level", "层级"),
                ("batch", "批次"),
            ],
        }
    }
}

/// One problem with one cell: what a spreadsheet user needs to fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// Line in the pasted text, counting the header as line 1.
    pub line: usize,
    /// The column's name as in the header, empty for whole-row problems.
    pub column: String,
    /// Message key under `import.reason.`.
    pub reason: String,
    /// For an unknown department: the nearest known names, "did you mean …?".
    #[serde(default)]
    pub suggestions: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub id: i64,
    pub kind: ImportKind,
    pub topic: crate::model::TopicLabel,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub errors: Vec<RowError>,
}

impl ImportPreview {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && !self.rows.is_empty()
    }
}
