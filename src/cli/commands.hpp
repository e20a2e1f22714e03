// The subcommands of the threatshare binary, each adding itself to the
// CLI11 application. A command's action returns the process exit code.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace ts::cli {

// Set by the chosen subcommand; run by main after parsing.
using Action = std::function<int()>;

void AddServeCommand(CLI::App& app, Action& action);
void AddAdminCommands(CLI::App& app, Action& action);
void AddDemoCommands(CLI::App& app, Action& action);
void AddDbCommands(CLI::App& app, Action& action);
void AddHuntCommand(CLI::App& app, Action& action);
void AddMailCommand(CLI::App& app, Action& action);
// sample add|list|show|get, yara add|list
void AddSampleCommands(CLI::App& app, Action& action);
void AddExchangeCommands(CLI::App& app, Action& action);  // import, export

}  // namespace ts::cli
