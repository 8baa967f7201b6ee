import Foundation
import TezgahFuzzing

// Built two ways. With `-D FUZZING` and `-sanitize=fuzzer,address` (see .ci/fuzz), it hands over to
// libFuzzer's driver, which calls back with each input for the target TEZGAH_FUZZ_TARGET names.
// Built plainly, it replays files: `tezgah-fuzz TARGET FILE…`, to reproduce what a run found.

#if FUZZING
private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["TEZGAH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("Set TEZGAH_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
    return target
}()

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

// SwiftPM links an executable's `main` to this symbol, so libFuzzer's own `main` is not the entry;
// its driver is started from here instead.
@_cdecl("tezgah_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv) { data, count in
        do {
            try target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
        } catch {
            fatalError("\(target.rawValue): \(error)")
        }
        return 0
    }
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: tezgah-fuzz TARGET FILE…; targets are \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")).\n".utf8))
            exit(2)
        }
        var failed = false
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read the file.")
                failed = true
                continue
            }
            do { try target.run(Array(data)) } catch {
                print("\(path): \(error)")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}
#endif
