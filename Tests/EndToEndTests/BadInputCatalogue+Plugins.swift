/// Problems only a plugin sees in its data: each at its row, as the host's own.
extension BadInput {
    static let pluginCases: [BadInput] = [
        csv("situation report: an event that ends before it starts, with the id of the row above", {
            try $0.replace(eventsRow, with: "MLI-2016-041,2016-09-24,2016-09-20,2016-09-23,ML06,Goundam|Tonka,Goundam|Tombouctou,940,171,true,insecurity", in: events)
        }, [
            "data/sample/displacement_events.csv:4: error: column 'date_start': 2016-09-24 is after date_end 2016-09-20",
            "data/sample/displacement_events.csv:4: error: column 'event_id': 'MLI-2016-041' is already on line 3",
        ]),
        csv("COVID-19 mobility: a point of entry assessed twice on one day", { try $0.append(poesRow + "\n", to: poes) }, [
            "data/sample/poe_status.csv:377: error: column 'poe_code': point of entry 'MLI-POE-002' is assessed twice on 2020-03-26 (also on line 4)",
        ]),
    ]
}
