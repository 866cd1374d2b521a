import HTTP
import Testing

@Suite struct HTTPHeadersTests {
    @Test func `looks names up without regard to case`() {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        headers.add("set-cookie", "a")
        headers.add("Set-Cookie", "b")
        #expect(headers["content-type"] == "application/json")
        #expect(headers.values(for: "SET-COOKIE") == ["a", "b"])
        headers.set("SET-COOKIE", "c")
        #expect(headers.values(for: "set-cookie") == ["c"])
    }

    @Test func `decodes the path and query of a request target`() {
        let request = HTTPServerRequest(method: "GET", target: "/api/v1/pods?labelSelector=app%3Ddemo&limit=500&x=a+b")
        #expect(request.path == "/api/v1/pods")
        #expect(request.queryValue("labelSelector") == "app=demo")
        #expect(request.queryValue("limit") == "500")
        #expect(request.queryValue("x") == "a b")
    }
}
