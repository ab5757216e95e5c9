using BenchmarkDotNet.Running;

// Runs the micro-benchmarks: dotnet run -c Release --project benchmarks/Mirt.Benchmarks -- --filter '*'
// (add --job short for a quick look). Figures and the machine go into docs/PERFORMANCE.md.
BenchmarkSwitcher.FromAssembly(typeof(Mirt.Benchmarks.EngineBenchmarks).Assembly).Run(args);
