import LantianCore
import MarketSupervision
import Testing

/// 追根溯源 on a diamond, a chain and data with a cycle.
@Suite struct SupplyTraceTests {
    func deliveries(_ csv: String) throws -> [Delivery] {
        try Delivery.read("from,to,date,product,volume\n" + csv).get()
    }

    func trace(_ csv: String, since: String = "2021-10-01", window: Int = 30) throws -> SupplyTrace {
        SupplyTrace(
            from: "S", product: "diesel", since: CivilDate(since)!, windowDays: window, deliveries: try deliveries(csv))
    }

    func rows(_ trace: SupplyTrace) -> [String] { trace.nodes.map { "\($0.node),\($0.relation.rawValue),\($0.path)" } }

    /// S takes from two depots that both take from one refinery: the refinery is listed once, by the first
    /// path; the refinery's other customer and a depot's other station are the ones to sample next.
    @Test func aDiamondListsEachSupplierOnce() throws {
        let result = try trace(
            """
            D1,S,2021-11-05,diesel,20
            D2,S,2021-11-06,diesel,15
            R,D1,2021-11-01,diesel,100
            R,D2,2021-11-02,diesel,100
            R,D3,2021-11-03,diesel,100
            D1,S9,2021-11-20,diesel,10
            D1,S8,2021-12-31,diesel,10
            R,S,2021-10-20,gasoline,5
            """)
        #expect(
            rows(result) == [
                "D1,upstream,S<-D1", "D2,upstream,S<-D2", "R,upstream,S<-D1<-R",
                "S9,co-supplied,S<-D1->S9", "D3,co-supplied,S<-D1<-R->D3",
            ])
        #expect(result.cycles.isEmpty)
    }

    /// A chain: a delivery into the wholesaler after it supplied the station cannot have supplied it; deliveries
    /// before `since` do not count.
    @Test func aChainFollowsDatesBackwards() throws {
        let result = try trace(
            """
            W,S,2021-11-10,diesel,5
            D,W,2021-11-01,diesel,50
            X,W,2021-11-15,diesel,50
            R,D,2021-10-20,diesel,500
            Q,D,2021-09-01,diesel,500
            """)
        #expect(rows(result) == ["W,upstream,S<-W", "D,upstream,S<-W<-D", "R,upstream,S<-W<-D<-R"])
        #expect(rows(try trace("W,S,2021-11-10,diesel,5\n", since: "2021-11-11")).isEmpty)
    }

    /// Bad data: A and B deliver to each other. The cycle is reported with its line and not followed round.
    @Test func aCycleIsReportedNotFollowed() throws {
        let result = try trace(
            """
            A,S,2021-11-10,diesel,5
            B,A,2021-11-05,diesel,5
            A,B,2021-11-01,diesel,5
            """)
        #expect(rows(result) == ["A,upstream,S<-A", "B,upstream,S<-A<-B"])
        #expect(result.cycles == ["A -> B -> A (line 4)"])
    }

    @Test func badRowsAreRefusedByLine() {
        func issue(_ csv: String) -> String {
            if case .failure(let issue) = Delivery.read("from,to,date,product,volume\n" + csv) {
                return issue.description
            }
            return "accepted"
        }
        #expect(issue("A,B,2021-13-01,diesel,5\n") == "line 2, date: \"2021-13-01\" is not a YYYY-MM-DD date（不是日期）")
        #expect(issue("A,A,2021-11-01,diesel,5\n") == "line 2, to: A delivers to itself（供货方与收货方相同）")
        #expect(issue("A,B,2021-11-01,diesel,-5\n") == "line 2, volume: \"-5\" is not a volume（不是数量）")
        #expect(issue(",B,2021-11-01,diesel,5\n") == "line 2, from: empty: 供货方为空")
    }
}
