import OperatorCLI

#if canImport(Glibc)
    import Glibc
#endif

let code = await PoolPilotMain.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
