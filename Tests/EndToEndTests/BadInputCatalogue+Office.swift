import Foundation
import TestSupport

extension BadInput {
    /// Merge keys, `x-` blocks, `defaults:`, tags and `--tag`.
    static let officeCases: [BadInput] = [
        yaml("a merge key whose alias is not a mapping", {
            try $0.replace("version: 1\n", with: "version: 1\nx-region: &region ML06\n")
            try $0.replace("  - id: fmp-monthly\n", with: "  - <<: *region\n    id: fmp-monthly\n")
        }, [
            "reports.yaml:5:11: error: reports[1].<<: a merge key takes a mapping or a list of mappings (`<<: *base`), found text 'ML06'",
        ]),
        yaml("an x- key below the top level", { try $0.replace("  - id: covid-poe\n", with: "  - id: covid-poe\n    x-owner: Bamako office\n") }, [
            "reports.yaml:46:5: error: reports[3].x-owner: unknown key 'x-owner'; keys starting with 'x-' are accepted only at the top level of the file, to hold shared blocks",
        ]),
        yaml("conflicting defaults", { try $0.replace("version: 1\n", with: "version: 1\ndefaults:\n  output: reports\n") }, [
            "reports.yaml:6:3: error: defaults.output: conflicting defaults: also set, to another value, at reports.yaml:7:1; keep one",
        ]),
        yaml("defaults for a plugin no report uses", {
            try $0.replace("version: 1\n", with: "version: 1\ndefaults:\n  params:\n    flow-monitorin: {top: 3}\n")
        }, [
            "reports.yaml:7:5: error: defaults.params.flow-monitorin: no report uses plugin 'flow-monitorin' (did you mean 'flow-monitoring'?)",
        ]),
        yaml("a tag that is not kebab-case", { try $0.replace("  - id: covid-poe\n", with: "  - id: covid-poe\n    tags: [Monthly]\n") }, [
            "reports.yaml:46:12: error: reports[3].tags[0]: invalid tag 'Monthly'; use lowercase letters, digits and single hyphens, as in 'monthly' or 'niger-2024'",
        ]),
        yaml("an include that does not exist", { try $0.replace("version: 1\n", with: "version: 1\ninclude: [niger.yaml, 'countries/*.yaml']\n") }, [
            "reports.yaml:5:11: error: include[0]: no file 'niger.yaml'; paths are relative to the file that includes it",
            "reports.yaml:5:23: error: include[1]: no file matches 'countries/*.yaml'",
        ]),
        yaml("an include outside the folder", { try $0.replace("version: 1\n", with: "version: 1\ninclude: [../shared/reports.yaml]\n") }, [
            "reports.yaml:5:11: error: include[0]: '../shared/reports.yaml' leads outside the folder of reports.yaml; included files must be inside it",
        ]),
        BadInput(kind: .commandLine, name: "a --tag no report has", mutate: { try $0.replace("  - id: covid-poe\n", with: "  - id: covid-poe\n    tags: [covid, mali]\n") },
                 errors: ["error: --tag: no report has tag 'monthly'; the tags are 'covid', 'mali'"],
                 arguments: ["run", "--period", "2017-04", "--tag", "monthly"]),
    ]
}
