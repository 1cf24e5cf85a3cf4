//! The record a new or edited item would clash with (same month, title or name), read inside
//! the saving transaction so the editor is told which record it is.

use crate::store::Conn;
use crate::store::StoreResult;
use app::model::Clash;

/// The topic already holding `year`-`month`.
pub(in crate::store) async fn topic(
    tx: &mut Conn,
    year: i32,
    month: u8,
) -> StoreResult<Option<Clash>> {
    let row: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT t.id, t.theme,
                CASE WHEN w.reason IS NULL THEN t.status ELSE 'withdrawn' END
         FROM topics t LEFT JOIN withdrawals w ON w.entity = 'topic' AND w.entity_id = t.id
         WHERE t.year = $1 AND t.month = $2",
    )
    .bind(year)
    .bind(i64::from(month))
    .fetch_optional(&mut *tx)
    .await?;
    row.map(|(id, theme, status)| {
        Ok(Clash::Topic {
            id,
            year,
            month,
            theme,
            state: crate::store::publish_state(&status)?,
        })
    })
    .transpose()
}

/// The problem of `year` already titled `title` (other than `except`).
pub(in crate::store) async fn problem(
    tx: &mut Conn,
    year: i64,
    title: &str,
    except: i64,
) -> StoreResult<Option<Clash>> {
    let row: Option<(Option<i64>, String)> = sqlx::query_as(
        "SELECT topic_id, title FROM problems WHERE year = $1 AND title = $2 AND id <> $3 LIMIT 1",
    )
    .bind(year)
    .bind(title)
    .bind(except)
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|(topic_id, title)| Clash::Problem { topic_id, title }))
}

/// The department already named `name` (other than `except`).
pub(in crate::store) async fn department(
    tx: &mut Conn,
    name: &str,
    except: i64,
) -> StoreResult<Option<Clash>> {
    let row: Option<String> =
        sqlx::query_scalar("SELECT name FROM departments WHERE name = $1 AND id <> $2")
            .bind(name)
            .bind(except)
            .fetch_optional(&mut *tx)
            .await?;
    Ok(row.map(|name| Clash::Department { name }))
}

/// Makes sure a year a topic is created in exists: a year after the facts file's last one gets
/// an empty row (no problems yet, no source) the first time a topic is drafted in it.
pub(in crate::store) async fn ensure_year(tx: &mut Conn, year: i32) -> StoreResult<()> {
    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM years WHERE year = $1")
        .bind(year)
        .fetch_one(&mut *tx)
        .await?;
    if known == 0 {
        sqlx::query("INSERT INTO years (year, problem_count, source) VALUES ($1, 0, '')")
            .bind(year)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}
