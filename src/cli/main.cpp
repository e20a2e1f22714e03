// threatshare: one binary, subcommands for the server, administration on a
// data directory, demo data and database checks.
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"threatshare — threat information sharing and analysis portal"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("threatshare ") + TS_VERSION);
  ts::cli::Action action;
  ts::cli::AddServeCommand(app, action);
  ts::cli::AddAdminCommands(app, action);
  ts::cli::AddDemoCommands(app, action);
  ts::cli::AddDbCommands(app, action);
  ts::cli::AddHuntCommand(app, action);
  ts::cli::AddMailCommand(app, action);
  ts::cli::AddSampleCommands(app, action);
  ts::cli::AddExchangeCommands(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  // Logs go to stderr: stdout carries what a command prints (keys, ids, JSON).
  spdlog::set_default_logger(spdlog::stderr_color_mt("threatshare"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  return action ? action() : 0;
}
