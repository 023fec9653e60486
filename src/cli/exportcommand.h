// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <optional>

class QCommandLineParser;

namespace Specula::Cli {

// `specula export pod NS/NAME [CONNECTION] [--prometheus …] --range 6h [--step 30s] -o FILE.csv|FILE.png`:
// the pod's time series as CSV, or its charts as PNG (which needs a QApplication; main() makes one
// on the offscreen platform); `specula export vf …` goes on to runVfExportCommand. Runs the event
// loop; returns the process exit code (0, 1 when the cluster or Prometheus fails or has no data
// for the pod, 2 for bad input).
int runExportCommand(const QStringList &arguments);

// What every export prints on failure: one line on stderr, "specula export: " and `text`.
void printExportError(const QString &text);
// --verbose logs every request to stderr; otherwise only fatal messages reach it.
void setExportLogging(bool verbose);
// Parses an export's arguments: on a mistake prints it and gives exit code 2, on --help prints
// the help and gives 0; nothing when the export goes on.
std::optional<int> parseExportArguments(QCommandLineParser &parser, const QStringList &arguments);

// The -o file of an export that writes a picture or its numbers.
struct ExportOutput
{
    QString path;
    bool png = false; // else CSV
};
// Checks -o: given, .png or .csv, and a picture only where the GUI library runs. `what` names
// the export in the error ("the heatmap").
std::optional<ExportOutput> exportOutput(const QCommandLineParser &parser, const QString &what);

} // namespace Specula::Cli
