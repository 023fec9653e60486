// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/connectionoptions.h"
#include "model/prometheussettings.h"

#include <QStringList>
#include <optional>

class QCommandLineParser;

namespace Specula::Cli {

class ClusterLoader;

// What every `specula export KIND` shares: its common options, the checks that fail at once with
// exit code 2, the connection, and running until the file is written. Exit codes: 0 written, 1 the
// cluster, Prometheus or the file failed, 2 bad input.

// What every export prints on failure: one line on stderr, "specula export: " and `text`.
void printExportError(const QString &text);

// The options and arguments every export has: the connection (and Prometheus when
// `withPrometheus`), -o FILE described by `outputHelp`, --verbose, and "export KIND" first.
void addExportOptions(QCommandLineParser &parser, const QString &kind, const QString &outputHelp, bool withPrometheus);
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

struct ExportConnection
{
    ConnectionOptions cluster;
    Model::PrometheusSettings prometheus; // mode None when the export takes no Prometheus options
};
// The cluster and Prometheus options, printed when wrong. `prometheusFor` non-empty: the export
// needs Prometheus, and --prometheus none is a mistake ("a pod's series come from Prometheus").
// Also sets up --verbose logging, since the connection is the last thing checked.
std::optional<ExportConnection> exportConnection(const QCommandLineParser &parser, bool withPrometheus,
                                                 const QString &prometheusFor = {});

// Lists the cluster and runs the event loop until finish() or fail(); a cluster that cannot be
// listed ends it with exit code 2 (its configuration) or 1.
class ExportRun
{
public:
    explicit ExportRun(ClusterLoader &loader);

    void finish(int exitCode);
    void fail(const QString &text, int exitCode = 1);
    // Starts the loader; returns the exit code.
    int exec();

private:
    ClusterLoader &m_loader;
    int m_exitCode = 0;
};

} // namespace Specula::Cli
