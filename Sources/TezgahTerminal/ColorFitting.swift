/// Colour arithmetic for terminals with fewer colours than a theme asks for.
enum ColorFitting {
    /// The xterm palette's approximate RGB for the 16 basic colours.
    static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    static func rgb(ofIndexed index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16: return basic[Int(index)]
        case 16..<232:
            let i = Int(index) - 16
            return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[i / 6 % 6]), UInt8(cubeLevels[i % 6]))
        default:
            let level = UInt8(8 + (Int(index) - 232) * 10)
            return (level, level, level)
        }
    }

    /// The nearest of the 240 xterm cube and grey colours (16–255).
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let d = distance(rgb(ofIndexed: UInt8(index)), (r, g, b))
            if d < bestDistance { best = index; bestDistance = d }
        }
        return best
    }

    static func nearestBasic(_ color: (UInt8, UInt8, UInt8)) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in basic.enumerated() {
            let d = distance(candidate, color)
            if d < bestDistance { best = index; bestDistance = d }
        }
        return best
    }

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr * 2 + dg * dg * 4 + db * db * 3
    }
}
