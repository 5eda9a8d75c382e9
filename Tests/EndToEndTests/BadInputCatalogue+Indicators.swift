import Foundation
import TestSupport

extension BadInput {
    /// Definitions of the `indicators` plugin, each problem at its value in reports.yaml.
    static let indicatorsCases: [BadInput] = [
        BadInput(
            kind: .yaml, name: "indicators: a measure on a column that is not declared",
            mutate: { try $0.replace("        individuals: {sum: individuals, heading:", with: "        individuals: {sum: individual, heading:") },
            errors: [
                "reports.yaml:210:28: error: reports[12].params.measures.individuals.sum: column 'individual' is not declared under 'columns' (did you mean 'individuals'?); declared: 'adm2_code', 'alert_date', 'cause', 'households', 'individuals'",
                "reports.yaml:217:20: error: reports[12].params.breakdowns.by_cercle.measure: no measure 'individuals'; measures: 'alerts', 'households', 'cercles', 'conflict_individuals', 'conflict_share'",
                "reports.yaml:222:20: error: reports[12].params.breakdowns.by_cause.measure: no measure 'individuals'; measures: 'alerts', 'households', 'cercles', 'conflict_individuals', 'conflict_share'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a sum of a column that is not numeric",
            mutate: { try $0.replace("        households: {sum: households}", with: "        households: {sum: cause}") },
            errors: [
                "reports.yaml:211:27: error: reports[12].params.measures.households.sum: 'households' needs a number column (a count or a decimal), and 'cause' is a code; number columns: 'households', 'individuals'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a breakdown by a count column",
            mutate: { try $0.replace("          by: adm2_code\n", with: "          by: individuals\n") },
            errors: [
                "reports.yaml:218:15: error: reports[12].params.breakdowns.by_cercle.by: cannot break down by 'individuals', a count column: its values are not groups; columns to break down by: 'adm2_code', 'cause'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a share of a measure that does not exist",
            mutate: { try $0.replace("{share: conflict_individuals, of: individuals}", with: "{share: conflict_individual, of: individuals}") },
            errors: [
                "reports.yaml:214:33: error: reports[12].params.measures.conflict_share.share: no measure 'conflict_individual' (did you mean 'conflict_individuals'?); measures: 'alerts', 'individuals', 'households', 'cercles', 'conflict_individuals'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a window without its date column",
            mutate: { try $0.replace("      date: alert_date\n", with: "") },
            errors: [
                "reports.yaml:198:5: error: reports[12].params.date: every window needs 'date', the date column that places a row in a period",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: two facts with the same name",
            mutate: { try $0.replace("        cercles: {distinct: adm2_code}\n", with: "        cercles: {distinct: adm2_code}\n        alerts_change: rows\n") },
            errors: [
                "reports.yaml:213:9: error: reports[12].params.measures.alerts_change: 'alerts_change' is already the name of a fact of measure 'alerts'; every fact and table needs a name of its own",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a template using a fact the definition does not produce",
            mutate: { try $0.replace("        cercles: {distinct: adm2_code}\n", with: "") },
            errors: [
                "templates/indicators/ett-alerts.en.md:6:62: error: unknown fact 'cercles'",
                "templates/indicators/ett-alerts.fr.md:6:70: error: unknown fact 'cercles'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: an unknown column type",
            mutate: { try $0.replace("        households: {type: count, hxl: \"#affected+idps+hh\"}", with: "        households: {type: number, hxl: \"#affected+idps+hh\"}") },
            errors: [
                "reports.yaml:204:28: error: reports[12].params.columns.households: 'number' is not a column type; types: date, count, optional_count, decimal, text, optional_text, flag, one_of, code, pcode",
                "reports.yaml:211:27: error: reports[12].params.measures.households.sum: column 'households' is not declared under 'columns'; declared: 'adm2_code', 'alert_date', 'cause', 'individuals'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a measure with two kinds",
            mutate: { try $0.replace("        households: {sum: households}", with: "        households: {sum: households, mean: households}") },
            errors: [
                "reports.yaml:211:21: error: reports[12].params.measures.households: a measure has one kind, and this one has two kinds (sum, mean); kinds: rows, sum, distinct, mean, latest, share",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a filter value the flag column cannot hold",
            mutate: { try $0.replace("        conflict_individuals: {sum: individuals, where: {cause: [conflict, intercommunal]}}", with: "        conflict_individuals: {sum: individuals, where: {individuals: 3}}") },
            errors: [
                "reports.yaml:213:58: error: reports[12].params.measures.conflict_individuals.where.individuals: cannot keep rows by 'individuals', a count column; filters name text, code, choice or flag columns",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a cumulative window without since",
            mutate: { try $0.replace("      window: month\n      compare: [previous]\n      measures:\n        alerts: rows", with: "      window: cumulative\n      compare: [previous]\n      measures:\n        alerts: rows") },
            errors: [
                "reports.yaml:198:5: error: reports[12].params.since: a cumulative window needs 'since', the first day it counts (YYYY-MM-DD)",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a breakdown of a share",
            mutate: { try $0.replace("          measure: individuals\n          by: cause", with: "          measure: conflict_share\n          by: cause") },
            errors: [
                "reports.yaml:222:20: error: reports[12].params.breakdowns.by_cause.measure: 'conflict_share' is a share, which does not add up by group; break down a sum, rows, distinct values or a latest value",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a breakdown top out of range",
            mutate: { try $0.replace("          top: 3\n", with: "          top: 0\n") },
            errors: [
                "reports.yaml:219:16: error: reports[12].params.breakdowns.by_cercle.top: 0 is not a whole number from 1 to 50",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a share of a share",
            mutate: { try $0.replace("        conflict_share: {share: conflict_individuals, of: individuals}", with: "        conflict_share: {share: conflict_individuals, of: individuals}\n        share_of_share: {share: conflict_share, of: individuals}") },
            errors: [
                "reports.yaml:215:33: error: reports[12].params.measures.share_of_share.share: 'conflict_share' is a share; a share is of two counts (a sum, rows, distinct values or a latest value)",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a measure name templates cannot write",
            mutate: { try $0.replace("        cercles: {distinct: adm2_code}\n", with: "        cercles: {distinct: adm2_code}\n        Cercles-2: rows\n") },
            errors: [
                "reports.yaml:213:9: error: reports[12].params.measures.Cercles-2: 'Cercles-2' cannot name a fact or a table: use lower-case letters, digits and _, starting with a letter",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a code column without its vocabulary",
            mutate: { try $0.replace("        cause: {type: code, vocabulary: causes, hxl: \"#cause\",", with: "        cause: {type: code, hxl: \"#cause\",") },
            errors: [
                "reports.yaml:202:23: error: reports[12].params.columns.cause: needs 'vocabulary', the vocabulary whose keys the column holds (vocabularies/NAME.csv)",
                "reports.yaml:213:58: error: reports[12].params.measures.conflict_individuals.where.cause: column 'cause' is not declared under 'columns'; declared: 'adm2_code', 'alert_date', 'households', 'individuals'",
                "reports.yaml:223:15: error: reports[12].params.breakdowns.by_cause.by: column 'cause' is not declared under 'columns'; declared: 'adm2_code', 'alert_date', 'households', 'individuals'",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a rolling window without months",
            mutate: { try $0.replace("      window: month\n      compare: [previous]\n      measures:\n        alerts: rows", with: "      window: rolling\n      compare: [previous]\n      measures:\n        alerts: rows") },
            errors: [
                "reports.yaml:198:5: error: reports[12].params.months: a rolling window needs 'months', how many months it counts",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: a breakdown by a column that is not declared",
            mutate: { try $0.replace("          by: cause\n", with: "          by: causes\n") },
            errors: [
                "reports.yaml:223:15: error: reports[12].params.breakdowns.by_cause.by: column 'causes' is not declared under 'columns' (did you mean 'cause'?); declared: 'adm2_code', 'alert_date', 'cause', 'households', 'individuals'",
            ]),
        BadInput(
            kind: .csv, name: "indicators: cells of a decimal column that are no decimals",
            mutate: { project in
                try project.replace("        households: {type: count, hxl: \"#affected+idps+hh\"}", with: "        households: {type: decimal, hxl: \"#affected+idps+hh\"}")
                try project.replace("{{households | # household / # households}}", with: "{{households}} households", in: "templates/indicators/ett-alerts.en.md")
                try project.replace("{{households | # ménage / # ménages}}", with: "{{households}} ménages", in: "templates/indicators/ett-alerts.fr.md")
                let file = "data/sample/ett_alerts.csv"
                try project.replace("ML0402,insecurity,333,82,true", with: "ML0402,insecurity,333,\"82,5\",true", in: file)
                try project.replace("intercommunal,229,38,false", with: "intercommunal,229,3.8.1,false", in: file)
                try project.replace("intercommunal,701,140,true", with: "intercommunal,701,140.1234567,true", in: file)
                try project.replace("conflict,104,20,true", with: "conflict,104,1234567890,true", in: file)
                try project.replace("flood,739,105,false", with: "flood,739,,false", in: file)
            },
            errors: [
                "data/sample/ett_alerts.csv:3:52: error: column 'households': value '82,5' has a decimal comma: write the decimal point as a point (did you mean '82.5'?); a comma is refused because 1,500 means 1.5 in French and 1500 in English",
                "data/sample/ett_alerts.csv:4:55: error: column 'households': value '3.8.1' is not a decimal number (digits with a point, such as 12 or 1.5, without separators)",
                "data/sample/ett_alerts.csv:5:55: error: column 'households': value '140.1234567' has more than 6 digits after the point: round it in the source",
                "data/sample/ett_alerts.csv:6:50: error: column 'households': value '1234567890' is too large for a decimal (at most 9 digits before the point)",
                "data/sample/ett_alerts.csv:7:47: error: column 'households': value is empty",
            ]),
        BadInput(
            kind: .yaml, name: "indicators: digits on a measure that is a whole number",
            mutate: { try $0.replace("        households: {sum: households}", with: "        households: {sum: households, digits: 2}") },
            errors: [
                "reports.yaml:211:39: error: reports[12].params.measures.households.digits: 'digits' is only for a decimal value: a mean, or a sum or latest of a decimal column ('households' is a sum)",
            ]),
        BadInput(
            kind: .template, name: "indicators: an agreement form on a decimal",
            mutate: { try $0.replace("        households: {type: count, hxl: \"#affected+idps+hh\"}", with: "        households: {type: decimal, hxl: \"#affected+idps+hh\"}") },
            errors: [
                "templates/indicators/ett-alerts.en.md:7:42: error: '{{households | # household / # households}}' is an agreement form 'one / other', which agrees with a count, a change or a list; 'households' is a decimal",
                "templates/indicators/ett-alerts.fr.md:7:81: error: '{{households | # ménage / # ménages}}' is an agreement form 'one / other', which agrees with a count, a change or a list; 'households' is a decimal",
            ]),
    ]
}
