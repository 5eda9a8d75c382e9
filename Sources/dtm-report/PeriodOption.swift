import ArgumentParser
import ReportKit

/// What one `--period` names: a month (`2017-03`), or every month of a range, both ends
/// included (`2017-01...2017-03`).
struct PeriodOption: ExpressibleByArgument {
    let months: [Period]
    let written: String

    init?(argument: String) {
        written = argument
        let ends = argument.components(separatedBy: "...")
        switch ends.count {
        case 1:
            guard let month = Period(iso: argument) else { return nil }
            months = [month]
        case 2:
            guard let first = Period(iso: ends[0]), let last = Period(iso: ends[1]), first <= last else { return nil }
            var months = [first]
            while months.last! < last { months.append(months.last!.next) }
            self.months = months
        default:
            return nil
        }
    }

    /// The months of every `--period`, in order; a usage error when a month is named twice,
    /// since the second would silently replace the first.
    static func months(of options: [PeriodOption]) throws -> [Period] {
        var months: [Period] = []
        for option in options {
            for month in option.months {
                if months.contains(month) {
                    throw ValidationError("--period: month \(month) is given twice (in '\(option.written)'); name each month once, or a range as 2017-01...2017-03")
                }
                months.append(month)
            }
        }
        return months.sorted()
    }
}
