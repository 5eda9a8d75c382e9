#!/usr/bin/env bash
# Creates a report plugin that builds, registers and passes `swift test` as it is:
#
#   scripts/new-plugin.sh Name plugin-id
#
# - Plugins/<Name>/<Name>Plugin.swift: the plugin type, its description (one input, one
#   parameter, two facts, one table) and a minimal computation; Plugins/<Name>/RegionCount.swift:
#   the input's columns declared as keys and the streaming aggregate that keeps sums by month and
#   region; Plugins/<Name>/Parameters.swift;
# - Plugins/<Name>/Examples/two-regions/: an input, a reports.yaml and expected/2021-03/, the
#   golden outputs that a run writes (recorded here by building and running the tool);
# - templates/<plugin-id>/summary.en.md and summary.fr.md;
# - the target line in Package.swift's `reportPlugins` and the line in
#   Sources/BuiltInPlugins/BuiltInPlugins.swift, both kept sorted;
# - docs/plugins.md and schemas/reports.schema.json regenerated with the new plugin.
# docs/plugins-dev.md explains what to change next. SWIFT_SCRATCH_PATH, when set, is passed to
# `swift build --scratch-path`.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/new-plugin.sh Name plugin-id   (e.g. scripts/new-plugin.sh ShelterSurvey shelter-survey)" >&2; exit 2; }
[ $# -eq 2 ] || usage
name="$1" id="$2"
[[ "$name" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "error: '$name': the name is UpperCamelCase (ShelterSurvey)" >&2; exit 2; }
[[ "$id" =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "error: '$id': the plugin id is kebab-case (shelter-survey)" >&2; exit 2; }
[ ! -e "Plugins/$name" ] || { echo "error: Plugins/$name already exists" >&2; exit 1; }
[ ! -e "templates/$id" ] || { echo "error: templates/$id already exists" >&2; exit 1; }
if grep -rqs --include='*.swift' "id: \"$id\"" Plugins; then echo "error: a plugin already has the id '$id'" >&2; exit 1; fi

plugin="Plugins/$name"
example="$plugin/Examples/two-regions"
mkdir -p "$example" "templates/$id"

cat > "$plugin/${name}Plugin.swift" <<EOF
import ReportKit

/// People counted by region: the total of the period's rows and a table by region. A starting
/// point: change the columns, the description, the parameters, the aggregate and \`run\` to the
/// report you need.
public enum ${name}Plugin: ReportPlugin {
    public static let description = PluginDescription(
        id: "$id",
        name: Label(en: "$name", fr: "$name"),
        summary: "People counted by region in the period, with the regions at or above a minimum.",
        inputs: [RegionCount.input],
        parameters: Parameters.specs,
        facts: [
            FactSpec("total", .count, "People counted in the period, all regions."),
            FactSpec("region_count", .count, "Regions in the table."),
        ],
        tables: [
            TableSpec("by_region", "People counted in the period by region, at or above the minimum.", columns: [
                TableColumnSpec("adm1_code", hxl: "#adm1+code", "Region P-code."),
                TableColumnSpec("adm1_name", hxl: "#adm1+name", "Region name."),
                TableColumnSpec("individuals", hxl: "#affected+ind", "People counted in the period."),
            ]),
        ]
    )

    public static func makeInputs(parameters: Parameters, period: Period?) -> CountsByRegion {
        CountsByRegion()
    }

    public static func run(inputs: CountsByRegion, parameters: Parameters, period: Period, vocabularies: Vocabularies) throws(PluginFailure)
        -> ReportResult
    {
        // The period's regions, in the order of their codes.
        let regions = inputs.months[period]
        let kept = regions.filter { \$0.value.individuals.value >= parameters.minimum }
        let rows: [[TableCell]] = kept.map { code, region in
            [.text(code.string), .text(region.name.value!.string), .integer(region.individuals.value)]
        }
        return ReportResult(
            facts: [
                "total": .count(regions.reduce(0) { \$0 + \$1.value.individuals.value }),
                "region_count": .count(kept.count),
            ],
            tables: ["by_region": ResultTable(rows: rows)])
    }

    /// The months with rows, so that a run without \`--period\` reports the latest.
    public static func periodsWithData(inputs: CountsByRegion, parameters: Parameters) -> Set<Period> {
        Set(inputs.months.months)
    }
}
EOF

cat > "$plugin/RegionCount.swift" <<EOF
import ReportKit

/// The columns of \`counts.csv\`, each declared once: the input's spec is built from them and
/// the rows are read through them.
enum RegionCount {
    static let date = Column<Day>("date", hxl: "#date", "The day of the count.")
    static let region = Column<Text>("adm1_code", hxl: "#adm1+code", "Region P-code.")
    static let regionName = Column<Text>("adm1_name", hxl: "#adm1+name", "Region name.")
    static let individuals = Column<Count>("individuals", hxl: "#affected+ind", "People counted.")

    static let input = InputSpec(
        name: "counts", conventionalFileName: "counts.csv", documentation: "People counted by region and date.",
        columns: [date, region, regionName, individuals], periodColumn: date)
}

/// What the plugin keeps of the rows, whatever their number: people by month and region, and
/// each region's name as its first row of the month gives it. The host reads a large file in
/// parts on several threads and merges their aggregates: nothing here knows it.
public struct CountsByRegion: StreamingAggregate {
    struct Region: Accumulator {
        var individuals = Sum()
        var name = FirstSeen<Text>()
    }

    var months = ByMonth<Tally<Text, Region>>()

    public mutating func add(_ rows: RowBatch) {
        let regions = rows[RegionCount.region], names = rows[RegionCount.regionName]
        let individuals = rows[RegionCount.individuals]
        for run in rows.monthRuns(of: RegionCount.date) {
            for row in run.rows {
                months[run.month][regions[row]].individuals += individuals[row]
                months[run.month][regions[row]].name.see(names[row], at: rows.reference(ofRow: row))
            }
        }
    }
}
EOF

cat > "$plugin/Parameters.swift" <<EOF
import ReportKit

extension ${name}Plugin {
    /// \`params:\` of a $id report, each declared once: its key, type, default (the initial
    /// value) and documentation. \`description.parameters\` is \`Parameters.specs\`, and the host
    /// decodes each value from the key its declaration names, after checking it.
    public struct Parameters: PluginParameters {
        @Parameter("minimum", in: 0...1_000_000, "Regions with fewer people in the period are left out of the table.")
        public var minimum = 0

        public init() {}
    }
}
EOF

cat > "templates/$id/summary.en.md" <<EOF
{{! $name report, English. Every fact it may use: dtm-report describe $id }}
# {{title}}

In {{period}}, {{total}} {{#total.one}}person was{{/total.one}}{{#total.other}}people were{{/total.other}} counted; {{region_count}} {{#region_count.one}}region is{{/region_count.one}}{{#region_count.other}}regions are{{/region_count.other}} in the table.
EOF
cat > "templates/$id/summary.fr.md" <<EOF
{{! Rapport $name, français. Les faits disponibles : dtm-report describe $id }}
# {{title}}

En {{period}}, {{total}} {{#total.one}}personne a été comptée{{/total.one}}{{#total.other}}personnes ont été comptées{{/total.other}} ; {{region_count}} {{#region_count.one}}région figure{{/region_count.one}}{{#region_count.other}}régions figurent{{/region_count.other}} dans le tableau.
EOF

cat > "$example/reports.yaml" <<EOF
# Two regions over two months; the minimum leaves the smaller region of March out of the table.
version: 1
languages: [en, fr]
reports:
  - id: $id
    plugin: $id
    title:
      en: "$name"
      fr: "$name"
    inputs:
      counts: counts.csv
    params:
      minimum: 10
    templates:
      en: templates/$id/summary.en.md
      fr: templates/$id/summary.fr.md
EOF
cat > "$example/counts.csv" <<'EOF'
date,adm1_code,adm1_name,individuals
#date,#adm1+code,#adm1+name,#affected+ind
2021-02-15,ML06,Tombouctou,40
2021-03-10,ML06,Tombouctou,25
2021-03-20,ML06,Tombouctou,17
2021-03-20,ML07,Gao,3
EOF

# The target and the registry line, each list kept sorted (the registry by plugin id).
python3 - "$name" "$id" <<'EOF'
import glob, re, sys
name, plugin_id = sys.argv[1], sys.argv[2]

def insert_sorted(path, pattern, new_line, key):
    lines = open(path, encoding="utf-8").read().split("\n")
    entries = [i for i, line in enumerate(lines) if re.match(pattern, line)]
    if not entries:
        sys.exit(f"error: {path}: no line matches {pattern}")
    position = next((i for i in entries if key(lines[i]) > key(new_line)), entries[-1] + 1)
    lines.insert(position, new_line)
    open(path, "w", encoding="utf-8").write("\n".join(lines))

insert_sorted("Package.swift", r'^    \("\w+", "Plugins/\w+"\),$',
              f'    ("{name}", "Plugins/{name}"),', key=lambda line: line.split('"')[1])

def plugin_id_of(line):
    folder = line.strip().removesuffix("Plugin.self,")
    for path in glob.glob(f"Plugins/{folder}/*.swift"):
        match = re.search(r'\bid: "([a-z0-9-]+)"', open(path, encoding="utf-8").read())
        if match:
            return match.group(1)
    sys.exit(f"error: no plugin id found in Plugins/{folder}/")

registry = "Sources/BuiltInPlugins/BuiltInPlugins.swift"
insert_sorted(registry, r"^import \w+$", f"import {name}", key=lambda line: line.split()[1])
insert_sorted(registry, r"^        \w+Plugin\.self,$", f"        {name}Plugin.self,", key=plugin_id_of)
EOF

# Golden outputs, the plugin reference and the schema of reports.yaml, from the real tool.
swift build ${SWIFT_SCRATCH_PATH:+--scratch-path "$SWIFT_SCRATCH_PATH"}
dtm_report="$(swift build ${SWIFT_SCRATCH_PATH:+--scratch-path "$SWIFT_SCRATCH_PATH"} --show-bin-path)/dtm-report"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$example/." "$work/"
cp -R templates "$work/templates"
"$dtm_report" run --period 2021-03 --out "$work/out" --config "$work/reports.yaml" > /dev/null
mkdir -p "$example/expected"
cp -R "$work/out/2021-03" "$example/expected/2021-03"
"$dtm_report" reference --output docs/plugins.md
"$dtm_report" schema --output schemas/reports.schema.json

echo "created $plugin/, templates/$id/ and $example/; registered $name in Package.swift and BuiltInPlugins.swift"
echo "read the golden files in $example/expected/2021-03/, then: swift test"
