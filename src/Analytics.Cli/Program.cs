using Analytics.Cli;
using Analytics.Cli.Hosting;

// Names and data with å, ä and ö must survive consoles whose default code page is not UTF-8.
Console.OutputEncoding = System.Text.Encoding.UTF8;
return await AnalyticsCli.RunAsync(args, new CliOutput(Console.Out, Console.Error, ErrorIsTerminal: !Console.IsErrorRedirected));
