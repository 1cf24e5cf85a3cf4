# The two commands of the README. Everything else lives in scripts/.
.PHONY: run test check demo

run:  ## build and serve the portal at http://127.0.0.1:3000 (SQLite + demo data)
	scripts/run.sh

test: ## every test: lints, unit, integration (HTTP), browser (Chromium)
	scripts/test.sh

check: ## the quick loop: fmt, clippy, Rust tests on SQLite; SPEC=vote adds that browser spec
	SPEC="$(SPEC)" scripts/check.sh

demo: ## reload the demo dataset into the database
	cargo run -p server -- demo-load
