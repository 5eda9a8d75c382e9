import ReportKit
