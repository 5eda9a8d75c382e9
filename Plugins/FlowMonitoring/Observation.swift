import ReportKit

/// The columns of `fmp_observations.csv`, each declared once: the input's spec is built from
/// them and the rows are read through them.
enum Observation {
    static let date = Column<Day>("date", hxl: "#date", "The day of the count.")
    static let fmpCode = Column<Text>("fmp_code", hxl: "#loc+code", "The FMP's id.")
    static let fmpName = Column<Text>("fmp_name", hxl: "#loc+name", "The FMP's name as reports write it.")
    static let adm1Code = Column<Text>("adm1_code", hxl: "#adm1+code", "Region P-code of the FMP, of the P-code vocabulary.",
                                       pcode: PCodeColumn(level: 1))
    static let adm1Name = Column<Text>("adm1_name", hxl: "#adm1+name", "Region name of the FMP.")
    static let direction = Column<Direction>("direction", hxl: "#x_direction", "Arriving at or leaving the FMP's town.")
    static let originCountry = Column<Text>(
        "origin_country", hxl: "#country+code+origin", "ISO3 country of origin; when unknown, a code vocabulary `countries` marks `unknown`.")
    static let destinationCountry = Column<Text>(
        "destination_country", hxl: "#country+code+dest",
        "ISO3 country of destination; when unknown, a code vocabulary `countries` marks `unknown`.")
    static let nationality = Column<Text>(
        "nationality", hxl: "#country+code+nationality", "ISO3 nationality; when unknown, a code vocabulary `countries` marks `unknown`.")
    static let transportMode = Column<TransportMode>("transport_mode", hxl: "#x_transport", "How the group travelled.")
    static let adultM = Column<Count>("adult_m", hxl: "#affected+ind+m+adults", "Adult men.")
    static let adultF = Column<Count>("adult_f", hxl: "#affected+ind+f+adults", "Adult women.")
    static let childM = Column<Count>("child_m", hxl: "#affected+ind+m+children", "Boys.")
    static let childF = Column<Count>("child_f", hxl: "#affected+ind+f+children", "Girls.")
    static let uac = Column<Count?>("uac", hxl: "#affected+ind+children+unaccompanied", "Unaccompanied children; empty when not recorded.")

    static let input = InputSpec(
        name: "observations",
        conventionalFileName: "fmp_observations.csv",
        documentation: "One row per group of travellers counted at an FMP on one day, for one direction, route and mode.",
        columns: [date, fmpCode, fmpName, adm1Code, adm1Name, direction, originCountry, destinationCountry, nationality, transportMode,
                  adultM, adultF, childM, childF, uac],
        periodColumn: date
    )
}

/// Which way a group crossed the FMP.
enum Direction: String, ColumnChoice {
    case incoming, outgoing
}
