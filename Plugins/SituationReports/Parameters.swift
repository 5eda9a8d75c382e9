import ReportKit

extension SituationReportsPlugin {
    /// `params:` of a situation report. There are none: the period chooses the events (by their
    /// last day) and the IDP stock (the latest report date inside it), and every wording choice
    /// lives in the templates. A `params:` key in a definition is therefore an unknown key.
    public struct Parameters: PluginParameters {
        public init() {}
    }
}
