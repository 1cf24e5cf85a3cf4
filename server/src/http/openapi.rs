//! The OpenAPI 3 description of every public JSON endpoint. Written as data next to the routes
//! it describes; the integration tests call every path listed here and check the answer.

use axum::Json;
use serde_json::{json, Value};

fn get_op(summary: &str, params: &[(&str, &str)], content_type: &str, schema: &str) -> Value {
    let parameters: Vec<Value> = params
        .iter()
        .map(|(name, example)| {
            json!({
                "name": name, "in": "path", "required": true,
                "schema": { "type": "string" }, "example": example
            })
        })
        .collect();
    json!({
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": {
                "200": { "description": "OK", "content": { content_type: { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } },
                "404": { "description": "No such record", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
        }
    })
}

pub fn spec() -> Value {
    let json_ct = "application/json";
    let csv_ct = "text/csv";
    let topic = [("year", "2026"), ("month", "11")];
    let mut paths = serde_json::Map::new();
    let mut add = |path: &str, op: Value| {
        paths.insert(path.to_string(), op);
    };
    add(
        "/api/v1/years",
        get_op(
            "Every year of 每月一题 with its published totals",
            &[],
            json_ct,
            "YearList",
        ),
    );
    add(
        "/api/v1/years/{year}",
        get_op(
            "One year with its problems",
            &[("year", "2024")],
            json_ct,
            "YearDetail",
        ),
    );
    add(
        "/api/v1/problems/{id}",
        get_op(
            "One problem with departments, policies and sources",
            &[("id", "1")],
            json_ct,
            "ProblemDetail",
        ),
    );
    add(
        "/api/v1/policies/{id}",
        get_op("One policy", &[("id", "1")], json_ct, "Policy"),
    );
    add(
        "/api/v1/topics/{year}/{month}",
        get_op(
            "A month's topic: plan, three lists, progress, reports",
            &topic,
            json_ct,
            "TopicDetail",
        ),
    );
    for list in ["tasks", "responsibilities", "policies"] {
        add(
            &format!("/api/v1/topics/{{year}}/{{month}}/{list}"),
            get_op(&format!("The topic's {list} list"), &topic, json_ct, "List"),
        );
        add(
            &format!("/api/v1/topics/{{year}}/{{month}}/{list}.csv"),
            get_op(
                &format!("The topic's {list} list as CSV (UTF-8 with BOM)"),
                &topic,
                csv_ct,
                "Csv",
            ),
        );
    }
    let object = json!({ "type": "object" });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "点菜 open data API",
            "version": "1",
            "description": "Read-only data of Beijing's 每月一题. Records carry `confidence` (confirmed, inferred, uncertain, sample) or `is_sample`: sample records are demo data, not facts."
        },
        "paths": paths,
        "components": {
            "schemas": {
                "YearList": { "type": "array", "items": object },
                "YearDetail": object,
                "ProblemDetail": object,
                "Policy": object,
                "TopicDetail": object,
                "List": { "type": "array", "items": object },
                "Csv": { "type": "string" },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": { "error": { "type": "string" }, "message": { "type": "string" } }
                }
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
