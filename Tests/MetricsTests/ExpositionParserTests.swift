import Metrics
import Testing

@Suite struct ExpositionParserTests {
    @Test func `reads escapes in label values and help text`() throws {
        let page = """
            # HELP x A \\\\ backslash\\nand newline
            # TYPE x gauge
            x{path="C:\\\\dir",quote="say \\"hi\\"",multi="a\\nb"} 1

            """
        let snapshot = try Fixture.parse(page)
        let family = try #require(snapshot.family(named: "x"))
        #expect(family.help == "A \\ backslash\nand newline")
        let sample = try #require(family.samples.first)
        #expect(sample[label: "path"] == "C:\\dir")
        #expect(sample[label: "quote"] == "say \"hi\"")
        #expect(sample[label: "multi"] == "a\nb")
    }

    @Test func `accepts colons in metric names and trailing commas in label sets`() throws {
        let snapshot = try Fixture.parse("vllm:num_requests_waiting{engine=\"0\",model_name=\"m\",} 14.0\n")
        let sample = try #require(snapshot.samples(named: "vllm:num_requests_waiting").first)
        #expect(sample.value == 14)
        #expect(sample.labels == [Label("engine", "0"), Label("model_name", "m")])
    }

    @Test(arguments: ["NaN", "nan", "Nan", "NAN"])
    func `reads NaN in any letter case`(spelling: String) throws {
        let snapshot = try Fixture.parse("x \(spelling)\n")
        #expect(try #require(snapshot.samples(named: "x").first).value.isNaN)
    }

    @Test func `reads infinities, exponents and negative numbers`() throws {
        let snapshot = try Fixture.parse(
            "a +Inf\nb -Inf\nc 1.204417e+06\nd -2.5E-3\ne 0.1\nf 12345678901234567890123\n"
        )
        let values = snapshot.families.map { $0.samples[0].value }
        #expect(values == [.infinity, -.infinity, 1_204_417, -0.0025, 0.1, 12345678901234567890123.0])
    }

    @Test func `reads timestamps as milliseconds in text and seconds in OpenMetrics`() throws {
        let text = try Fixture.parse("a 1 1767225600781\nb 2 -5\n")
        #expect(text.families.map { $0.samples[0].timestampMs } == [1_767_225_600_781, -5])
        let open = try Fixture.parse("a 1 1767225600.781\n# EOF\n", .openMetrics)
        #expect(open.samples(named: "a").first?.timestampMs == 1_767_225_600_781)
    }

    @Test func `reads histograms and summaries with their suffixes`() throws {
        let page = """
            # TYPE h histogram
            h_bucket{le="0.5"} 1
            h_bucket{le="+Inf"} 3
            h_sum 4.5
            h_count 3
            # TYPE s summary
            s{quantile="0.99"} 7
            s_sum 10
            s_count 2

            """
        let snapshot = try Fixture.parse(page)
        #expect(snapshot.family(named: "h")?.type == .histogram)
        #expect(snapshot.family(named: "h")?.samples.count == 4)
        #expect(snapshot.family(named: "s")?.samples.map(\.name) == ["s", "s_sum", "s_count"])
        #expect(snapshot.samples(named: "h_count").first?.value == 3)
    }

    @Test func `treats samples without metadata and untyped families as unknown`() throws {
        let snapshot = try Fixture.parse("# TYPE u untyped\nu 1\nloose 2\n")
        #expect(snapshot.families.map(\.type) == [.unknown, .unknown])
        #expect(snapshot.families.map(\.name) == ["u", "loose"])
    }

    @Test func `reads OpenMetrics counters, created, exemplars, info, stateset and units`() throws {
        let page = """
            # TYPE requests counter
            # UNIT requests
            # HELP requests Requests served, \\"all\\".
            requests_total{code="200"} 10 # {trace_id="abc"} 1 1767225600.5
            requests_created{code="200"} 1767225500.25
            # TYPE build info
            build_info{version="1.2"} 1
            # TYPE mode stateset
            mode{mode="fast"} 1
            mode{mode="slow"} 0
            # TYPE latency_seconds histogram
            # UNIT latency_seconds seconds
            latency_seconds_bucket{le="1.0"} 2 # {trace_id="x"} 0.4
            latency_seconds_bucket{le="+Inf"} 3
            latency_seconds_count 3
            latency_seconds_sum 2.1
            latency_seconds_created 1767225500
            # TYPE other unknown
            other 5
            # EOF

            """
        let snapshot = try Fixture.parse(page, .openMetrics)
        let requests = try #require(snapshot.family(named: "requests"))
        #expect(requests.type == .counter)
        #expect(requests.help == "Requests served, \"all\".")
        let total = try #require(requests.samples.first)
        #expect(total.name == "requests_total")
        #expect(
            total.exemplar == Exemplar(labels: [Label("trace_id", "abc")], value: 1, timestampSeconds: 1_767_225_600.5)
        )
        #expect(snapshot.samples(named: "requests_created").first?.value == 1_767_225_500.25)
        #expect(snapshot.family(named: "build")?.type == .info)
        #expect(snapshot.family(named: "mode")?.samples.map(\.value) == [1, 0])
        #expect(snapshot.family(named: "latency_seconds")?.unit == "seconds")
        #expect(snapshot.family(named: "latency_seconds")?.samples.count == 5)
        #expect(snapshot.family(named: "other")?.type == .unknown)
    }

    @Test func `requires EOF in OpenMetrics and nothing after it`() {
        #expect(
            Fixture.parseError("a 1\n", .openMetrics)
                == .endOfFile(line: 2, column: 1, detail: "an OpenMetrics page must end with '# EOF'")
        )
        #expect(Fixture.parseError("a 1\n# EOF\nb 2\n", .openMetrics)?.line == 3)
        #expect(Fixture.parseError("a 1\n# EOF\n\n", .openMetrics)?.line == 3)
        #expect(Fixture.parseError("a 1\n# EOF", .openMetrics) == nil)
    }

    @Test func `reports duplicate series with both lines`() {
        let error = Fixture.parseError("# TYPE a gauge\na{x=\"1\",y=\"2\"} 1\na{y=\"2\",x=\"1\"} 2\n")
        #expect(error == .duplicateSeries(line: 3, firstLine: 2, series: "a{x=\"1\",y=\"2\"}"))
    }

    @Test func `feeding in chunks gives the same result as the whole page`() throws {
        let page = Array("# HELP a help\n# TYPE a gauge\na{l=\"v\"} 1 5\nb_total 2\n# EOF\n".utf8)
        let whole = try MetricSnapshot.parse(page, format: .openMetrics)
        for split in 0...page.count {
            var collector = MetricSnapshot.Collector(format: .openMetrics)
            try collector.feed(Array(page[..<split]))
            try collector.feed(Array(page[split...]))
            #expect(try collector.finish() == whole)
        }
    }

    @Test func `selecting families skips the others without reading them`() throws {
        let page = "# TYPE keep gauge\nkeep 1\n# TYPE skip gauge\nskip{broken 2\nkeep_other 3\n"
        let snapshot = try MetricSnapshot.parse(
            Array(page.utf8),
            format: .prometheusText,
            selection: .families(["keep"])
        )
        #expect(snapshot.families.map(\.name) == ["keep"])
        #expect(snapshot.sampleCount == 1)
    }

    @Test func `selecting a counter by its sample name finds the OpenMetrics family`() throws {
        let page = "# TYPE tokens counter\ntokens_total 5\n# EOF\n"
        let snapshot = try MetricSnapshot.parse(
            Array(page.utf8),
            format: .openMetrics,
            selection: .families(["tokens_total"])
        )
        #expect(snapshot.samples(named: "tokens_total").first?.value == 5)
    }

    @Test func `picks the format from the content type or by sniffing`() {
        #expect(ExpositionFormat(contentType: "text/plain; version=0.0.4; charset=utf-8") == .prometheusText)
        #expect(ExpositionFormat(contentType: "application/openmetrics-text; version=1.0.0") == .openMetrics)
        #expect(ExpositionFormat(contentType: "application/json") == nil)
        #expect(ExpositionFormat.sniffed(Array("a 1\n# EOF\n".utf8)) == .openMetrics)
        #expect(ExpositionFormat.sniffed(Array("a 1\n".utf8)) == .prometheusText)
    }
}
