import Foundation
import TestSupport

extension BadInput {
    /// The output folder while another run writes the same month.
    static let outputCases: [BadInput] = [
        BadInput(kind: .fileSystem, name: "another run writes the month (--no-wait)", mutate: { project in
            // The lock another run would hold, taken by the test process and kept until it ends:
            // the case's folder is removed when it is done, and a lock on a removed file blocks
            // nothing. The file stays empty, as the earlier run left it (the catalogue compares
            // out/ byte for byte), as when the other run has just taken the lock.
            let descriptor = open(project.url("out/.2017-04.lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw CatalogueError("cannot lock the month") }
        }, errors: [
            "out/2017-04: error: another run is writing 2017-04 (which has not yet recorded its process id); nothing was written: run again when it has finished, or without --no-wait to wait for it",
        // One report whose inputs print no note, so that the line shown is the refusal alone.
        ], arguments: ["run", "--period", "2017-04", "--report", "cmp-returnees", "--no-wait"], status: 75),
    ]
}
