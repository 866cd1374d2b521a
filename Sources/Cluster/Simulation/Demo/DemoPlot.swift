/// The data file and gnuplot script for the demo's plot of load against replicas.
public enum DemoPlot {
    /// Whitespace-separated columns: time, arrivals/s, waiting, desired, ready, pending.
    public static func data(_ samples: [DemoSample]) -> String {
        var text = "# time arrivals_per_s waiting desired ready pending\n"
        for sample in samples {
            let columns = [
                DemoSample.fixed(sample.time, decimals: 1),
                DemoSample.fixed(sample.arrivalRate, decimals: 2),
                String(sample.waiting),
                String(sample.desiredReplicas ?? 0),
                String(sample.readyReplicas),
                String(sample.pendingReplicas),
            ]
            text += columns.joined(separator: " ") + "\n"
        }
        return text
    }

    /// A gnuplot script drawing one panel per pool: arrivals/s on the left axis, replicas on the right.
    ///
    /// - Parameters:
    ///   - pools: pool names and their data file paths.
    ///   - output: the PNG path to write.
    public static func script(pools: [(name: String, dataPath: String)], output: String) -> String {
        var lines = [
            "set terminal pngcairo size 1200,\(380 * max(1, pools.count)) noenhanced",
            "set output '\(output)'",
            "set multiplot layout \(max(1, pools.count)),1",
            "set grid",
            "set xlabel 'seconds'",
            "set ylabel 'arrivals/s'",
            "set y2label 'replicas'",
            "set ytics nomirror",
            "set y2tics",
            "set y2range [0:*]",
            "set yrange [0:*]",
            "set key left top",
        ]
        for pool in pools {
            lines.append("set title 'InferencePool \(pool.name): load against replicas'")
            lines.append(
                "plot '\(pool.dataPath)' using 1:2 with lines lw 2 title 'arrivals/s', "
                    + "'' using 1:4 axes x1y2 with steps lw 2 title 'desired', "
                    + "'' using 1:5 axes x1y2 with steps lw 2 title 'ready', "
                    + "'' using 1:6 axes x1y2 with steps title 'pending'"
            )
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }
}
