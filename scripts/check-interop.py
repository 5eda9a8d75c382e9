#!/usr/bin/env python3
"""Checks the outputs of a run with the clients that read them, not with our own code.

    python3 scripts/check-interop.py [--reports reports.yaml] OUTPUT_FOLDER...

For every file under each output folder:
- `*.csv`: libhxl (the HXL reference library, as HDX uses it) parses it; the header row and
  the HXL row are exactly the columns and hashtags that the plugin declared for that table
  (in the `tables` of the `report.json` beside it); every column has a hashtag; libhxl reads
  the hashtags we wrote (same tags and attributes); and libhxl's default validation schema
  finds no error and no warning (its "info" notes, such as numeric outliers, are printed);
- `report.json`: valid against schemas/report.schema.json (JSON Schema 2020-12);
- `manifest.json`: well formed: every file it lists exists with that size and SHA-256, and
  every file of the period is listed.
With `--reports`, that file is also validated against schemas/reports.schema.json (read as an
editor's YAML server reads it: YAML 1.2, where a date is text, merge keys applied), and the schema
is checked to refuse a misspelt parameter and a value its parameter does not allow.

Needs `libhxl`, `jsonschema` and `pyyaml` (`python3 -m pip install libhxl jsonschema pyyaml`).
Prints one line per problem and ends with `interop: N passed, N failed`; exits 1 on a failure.
"""

import argparse
import csv
import hashlib
import json
import os
import sys

import hxl
import jsonschema
import yaml

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(REPOSITORY, "schemas")
# libhxl's own severities: an "info" is a note for a person (an outlier, a rare place
# name), not a defect of the file.
FAILING_SEVERITIES = {"error", "warning"}


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        with open(os.path.join(SCHEMAS, "report.schema.json"), encoding="utf-8") as file:
            schema = json.load(file)
        self.report_validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
        self.default_hxl_schema = hxl.schema()

    def check(self, name, problems):
        """Counts one checked file; prints each of its problems."""
        if problems:
            self.failed += 1
            for problem in problems:
                print(f"{name}: {problem}")
        else:
            self.passed += 1

    # CSV tables

    def csv_problems(self, path, shown):
        problems = []
        with open(path, encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        if len(rows) < 2:
            return ["fewer than two rows: a CSV output has a header row and an HXL row"]
        header, hashtags = rows[0], rows[1]
        for index, name in enumerate(header):
            tag = hashtags[index].strip() if index < len(hashtags) else ""
            if not tag.startswith("#"):
                problems.append(f"column {index + 1} '{name}' has no HXL hashtag")
        if len(hashtags) != len(header):
            problems.append(f"the HXL row has {len(hashtags)} cells, the header {len(header)}")

        declared = self.declared_columns(path)
        if declared is None:
            problems.append("no table of this name in the report.json beside it")
        else:
            names = [column["name"] for column in declared]
            tags = [column["hxl"] for column in declared]
            if header != names:
                problems.append(f"header {header} differs from the declared columns {names}")
            if hashtags != tags:
                problems.append(f"HXL row {hashtags} differs from the declared hashtags {tags}")

        options = hxl.InputOptions(allow_local=True, encoding="utf-8")
        try:
            with hxl.data(path, options) as dataset:
                columns = dataset.columns
                parsed_rows = list(dataset)
        except hxl.HXLException as error:
            return problems + [f"libhxl cannot read it: {error}"]
        read = [column.display_tag for column in columns]
        written = [normalised_tag(tag) for tag in hashtags]
        if read != written:
            problems.append(f"libhxl reads the hashtags {read}, the file says {written}")
        if [column.header for column in columns] != header:
            problems.append(f"libhxl reads the header {[c.header for c in columns]}, the file says {header}")
        if len(parsed_rows) != len(rows) - 2:
            problems.append(f"libhxl reads {len(parsed_rows)} data rows, the file has {len(rows) - 2}")

        with hxl.data(path, options) as dataset:
            report = hxl.validate(dataset, self.default_hxl_schema)
        for issue in report["issues"]:
            severity = issue.get("severity", "error")
            text = f"libhxl {severity}: {issue.get('tag_pattern')}: {issue.get('description')} ({issue.get('location_count')} cells)"
            if severity in FAILING_SEVERITIES:
                problems.append(text)
            else:
                print(f"{shown}: note: {text}")
        return problems

    def declared_columns(self, csv_path):
        """The columns the plugin declared for this table, from the report.json beside it."""
        report_path = os.path.join(os.path.dirname(csv_path), "report.json")
        try:
            with open(report_path, encoding="utf-8") as file:
                report = json.load(file)
        except (OSError, ValueError):
            return None
        table = os.path.splitext(os.path.basename(csv_path))[0]
        return report.get("tables", {}).get(table, {}).get("columns")

    # JSON documents

    def report_problems(self, path):
        try:
            with open(path, encoding="utf-8") as file:
                document = json.load(file)
        except ValueError as error:
            return [f"not JSON: {error}"]
        return [f"{'/'.join(map(str, error.absolute_path)) or '(document)'}: {error.message}"
                for error in self.report_validator.iter_errors(document)]

    def manifest_problems(self, path):
        try:
            with open(path, encoding="utf-8") as file:
                manifest = json.load(file)
        except ValueError as error:
            return [f"not JSON: {error}"]
        if not isinstance(manifest, dict) or not isinstance(manifest.get("period"), str) \
                or not isinstance(manifest.get("reports"), list):
            return ["expected an object with a 'period' string and a 'reports' list"]
        problems = []
        folder = os.path.dirname(path)
        listed = set()
        # Each report's files, and the month's own (the index pages) under the top-level `files`.
        entries = [entry for report in manifest["reports"] if isinstance(report, dict) for entry in report.get("files", [])]
        for entry in entries + list(manifest.get("files", [])):
            relative = entry.get("path", "")
            listed.add(relative)
            file_path = os.path.join(folder, relative)
            if os.path.isabs(relative) or ".." in relative.split("/"):
                problems.append(f"'{relative}' is not a path inside the period's folder")
                continue
            try:
                with open(file_path, "rb") as file:
                    content = file.read()
            except OSError:
                problems.append(f"lists '{relative}', which does not exist")
                continue
            if len(content) != entry.get("size"):
                problems.append(f"'{relative}' has {len(content)} bytes, the manifest says {entry.get('size')}")
            if hashlib.sha256(content).hexdigest() != entry.get("sha256"):
                problems.append(f"'{relative}' does not have the SHA-256 the manifest gives")
        for root, _, files in os.walk(folder):
            for name in files:
                relative = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
                if relative != "manifest.json" and relative not in listed:
                    problems.append(f"'{relative}' is not listed")
        return problems

    def reports_file_problems(self, path):
        with open(os.path.join(SCHEMAS, "reports.schema.json"), encoding="utf-8") as file:
            schema = json.load(file)
        jsonschema.Draft202012Validator.check_schema(schema)
        with open(path, encoding="utf-8") as file:
            document = yaml.load(file, Loader=TextDatesLoader)
        validator = jsonschema.Draft202012Validator(schema)
        problems = [f"{'/'.join(map(str, error.absolute_path)) or '(document)'}: {error.message}"
                    for error in validator.iter_errors(document)]
        if problems:
            return problems
        # The schema knows each plugin's parameters: a misspelt one, or a value not allowed,
        # in the first report that sets parameters is refused.
        report = next((report for report in document["reports"] if report.get("params")), None)
        if report is None:
            return []
        for name, value in [("a_misspelt_parameter", 1), (next(iter(report["params"])), {"not": "allowed"})]:
            changed = dict(report, params=dict(report["params"], **{name: value}))
            wrong = dict(document, reports=[changed if item is report else item for item in document["reports"]])
            if validator.is_valid(wrong):
                problems.append(f"the schema accepts params.{name}: {value!r} in report '{report['id']}'")
        return problems

    def check_folder(self, folder):
        count = 0
        for root, directories, files in os.walk(folder):
            directories.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                shown = os.path.relpath(path, folder)
                if name.endswith(".csv"):
                    self.check(shown, self.csv_problems(path, shown))
                elif name == "report.json":
                    self.check(shown, self.report_problems(path))
                elif name == "manifest.json":
                    self.check(shown, self.manifest_problems(path))
                else:
                    continue
                count += 1
        if count == 0:
            print(f"{folder}: no output to check")
            self.failed += 1


class TextDatesLoader(yaml.SafeLoader):
    """YAML as a YAML 1.2 server reads it: `2017-01-01` is text, not a date."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def normalised_tag(tag):
    """A hashtag as libhxl displays it: lower case, no spaces around `+`."""
    return "".join(tag.split()).lower()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="output folders of runs (out/ or out/<period>/)")
    parser.add_argument("--reports", help="a reports.yaml to validate against schemas/reports.schema.json")
    arguments = parser.parse_args()

    checker = Checker()
    if arguments.reports:
        checker.check(arguments.reports, checker.reports_file_problems(arguments.reports))
    for folder in arguments.folders:
        checker.check_folder(folder)
    print(f"interop: {checker.passed} passed, {checker.failed} failed")
    return 1 if checker.failed else 0


if __name__ == "__main__":
    sys.exit(main())
