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
    let cycle = [("slug", "2027-annual")];
    add(
        "/api/v1/cycles",
        get_op(
            "Every voting cycle (选题征集) with its phase",
            &[],
            json_ct,
            "CycleList",
        ),
    );
    add(
        "/api/v1/cycles/{slug}",
        get_op(
            "A cycle with its candidates and tallies by tier (verified / unverified), when its rule shows them",
            &cycle,
            json_ct,
            "CycleDetail",
        ),
    );
    add(
        "/api/v1/cycles/{slug}/challenge",
        get_op(
            "A fresh ALTCHA proof-of-work challenge (SHA-256) for a ballot",
            &cycle,
            json_ct,
            "Challenge",
        ),
    );
    add(
        "/api/v1/cycles/{slug}/integrity",
        get_op(
            "Ballots cast, counted by tier, superseded, held and not counted by reason, and whether a recount matches",
            &cycle,
            json_ct,
            "IntegrityReport",
        ),
    );
    add(
        "/api/v1/charts",
        get_op(
            "Every outcome chart (成效图表) with its id, title, current data version and whether it is sample data",
            &[],
            json_ct,
            "ChartList",
        ),
    );
    let mut chart = get_op(
        "One chart: title, takeaway, description, its data and links to its page, embed, SVG, PNG, CSV and JSON. ?v= pins a data version, ?lang=zh-CN|en picks the language",
        &[("id", "problems-per-year")],
        json_ct,
        "Chart",
    );
    // A chart not yet drawn is drawn for the caller, within limits (`charts::budget`).
    let refused = |description: &str| {
        json!({
            "description": description,
            "headers": { "Retry-After": { "description": "Seconds to wait", "schema": { "type": "integer" } } },
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
        })
    };
    chart["get"]["responses"]["429"] =
        refused("Too many new drawings asked for from this network in a minute");
    chart["get"]["responses"]["503"] = refused("The chart engine's queue is full");
    add("/api/v1/charts/{id}", chart);
    add(
        "/api/v1/hotline/ranking",
        get_op(
            "The ranking of 12345 hotline problem classes (问题类别) over the last 30 days with data (?days=90 or 365 for longer): volume, growth against the period before, districts, dissatisfaction and reopen rates, the weights in use and each class's reasons. `sample` is true when the aggregates came from generated records",
            &[],
            json_ct,
            "HotlineRanking",
        ),
    );
    add(
        "/api/v1/receipts/{receipt}",
        get_op(
            "What happened to the ballot with this receipt code",
            &[("receipt", "SAMPLE-2026-WINTER-0001")],
            json_ct,
            "ReceiptStatus",
        ),
    );
    paths.insert(
        "/api/v1/cycles/{slug}/ballots".into(),
        json!({ "post": {
            "summary": "Cast or change a ballot (the last accepted ballot of a voter counts). Send the device cookie back to change it; add `code` for a verified ballot and `proof` (base64 ALTCHA payload) to avoid the stricter limit.",
            "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" }, "example": "2027-annual" }],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Ballot" } } } },
            "responses": {
                "201": { "description": "Recorded: counted, or held for review", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BallotResult" } } } },
                "400": { "description": "The body is not JSON (the parser's complaint, as plain text)", "content": { "text/plain": { "schema": { "type": "string" } } } },
                "404": { "description": "No such cycle (or more than 64 picks)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "409": { "description": "Cycle not open, code already used, or proof replayed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
                "415": { "description": "The body is not sent as `application/json`", "content": { "text/plain": { "schema": { "type": "string" } } } },
                "422": { "description": "Too many picks for the cycle, a candidate not in the cycle, an unknown code, or a wrong or expired proof of work (`bad_proof`: nothing is recorded; fetch a new challenge and send again) (JSON); or JSON that does not fit the Ballot schema (plain text)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } }, "text/plain": { "schema": { "type": "string" } } } },
                "429": { "description": "Too many ballots from this network", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
        }}),
    );
    let object = json!({ "type": "object" });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "点菜 open data API",
            "version": "1",
            "description": "Read-only data of Beijing's 每月一题. Records carry `confidence` (confirmed, inferred, uncertain, official, unsourced, sample) or `is_sample`: sample records are demo data, not facts. `confirmed` only when the record has a source of its own that is not a repost; staff content without one is `official` (with `published`: department and date) or `unsourced`. Each source has `url`, `title`, `kind` (primary or repost) and, for a repost, the `outlet` it credits."
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
                "CycleList": { "type": "array", "items": object },
                "CycleDetail": object,
                "Challenge": {
                    "type": "object",
                    "properties": {
                        "algorithm": { "type": "string" }, "challenge": { "type": "string" },
                        "maxnumber": { "type": "integer" }, "salt": { "type": "string" },
                        "signature": { "type": "string" }
                    }
                },
                "IntegrityReport": integrity_report(),
                "ChartList": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": { "type": "string" }, "kind": { "type": "string" },
                            "title": { "type": "string" }, "sample": { "type": "boolean" },
                            "version": { "type": "string" },
                            "subject": { "type": "string", "nullable": true },
                            "group": object
                        }
                    }
                },
                "Chart": {
                    "type": "object",
                    "properties": {
                        "id": { "type": "string" }, "version": { "type": "string" },
                        "latest": { "type": "boolean" }, "title": { "type": "string" },
                        "takeaway": { "type": "string" }, "description": { "type": "string" },
                        "series_names": { "type": "array", "items": { "type": "string" } },
                        "unit": { "type": "string" }, "category": { "type": "string" },
                        "source": { "type": "string" }, "as_of": { "type": "string" },
                        "sample": { "type": "boolean" },
                        "data": object, "links": object
                    }
                },
                "HotlineRanking": {
                    "type": "object",
                    "properties": {
                        "from": { "type": "string" }, "to": { "type": "string" },
                        "days": { "type": "integer" }, "weights": object,
                        "classes": { "type": "array", "items": object },
                        "sample": { "type": "boolean" }
                    }
                },
                "ReceiptStatus": object,
                "Ballot": {
                    "type": "object",
                    "required": ["picks"],
                    "properties": {
                        "picks": {
                            "type": "array", "minItems": 1, "maxItems": 64,
                            "items": { "type": "integer", "format": "int64", "minimum": 1 }
                        },
                        "code": { "type": "string", "nullable": true },
                        "proof": { "type": "string", "nullable": true }
                    }
                },
                "BallotResult": {
                    "type": "object",
                    "properties": {
                        "receipt": { "type": "string" },
                        "status": { "type": "string", "enum": ["counted", "quarantined"] },
                        "reason": { "type": "string", "nullable": true }
                    }
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "message"],
                    "properties": { "error": { "type": "string" }, "message": { "type": "string" } }
                }
            }
        }
    })
}

/// 诚信报告: what happened to every ballot, the per-network rule in force and how concentrated
/// unverified ballots are by network (counts only; no address is ever published).
fn integrity_report() -> Value {
    let count = json!({ "type": "integer", "minimum": 0 });
    let pairs = json!({
        "type": "array",
        "description": "[reason, ballots] pairs, e.g. [\"network_day\", 3]",
        "items": { "type": "array", "items": { "oneOf": [{ "type": "string" }, { "type": "integer" }] }, "minItems": 2, "maxItems": 2 }
    });
    let tally =
        json!({ "type": "object", "properties": { "verified": count, "unverified": count } });
    let band = json!({
        "type": "object",
        "properties": { "networks": count, "devices": count },
        "description": "Networks in this band and the devices that voted from them"
    });
    json!({
        "type": "object",
        "properties": {
            "cycle": { "type": "string" },
            "cast": count,
            "counted": tally,
            "superseded": count,
            "quarantined": pairs,
            "rejected": pairs,
            "recomputed_matches": { "type": "boolean" },
            "networks": {
                "type": "object",
                "description": "Networks (IPv4 /24, IPv6 /48) by how many devices sent unverified ballots from each: 1, 2–5, 6–20, more than 20",
                "properties": { "one": band, "two_to_five": band, "six_to_twenty": band, "over_twenty": band }
            },
            "per_network_day": {
                "type": "integer", "minimum": 0,
                "description": "The rule in force: devices per network per Beijing day whose unverified ballot counts at once; later ones are held for review (reason `network_day`)"
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}
