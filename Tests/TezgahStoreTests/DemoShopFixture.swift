import Foundation
import TezgahRuntime
@testable import TezgahStore

/// One demo shop built once per test process and shared read-only by the store tests.
enum DemoShopFixture {
    static let orders = 4_000
    private static let folder = TemporaryFolder()

    static let path: String = {
        let path = folder.file("demo.sqlite")
        try! DemoShop.mailed(orders: orders, seed: 7, now: testNow).build(at: path)
        return path
    }()

    static let database: AppDatabase = try! AppDatabase(path: path)
}
