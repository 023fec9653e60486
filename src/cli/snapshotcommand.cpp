// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/snapshotcommand.h"

#include "cli/clusterloader.h"
#include "cli/prometheusoptions.h"
#include "cli/snapshotjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <cstdio>

namespace Specula::Cli {
namespace {

int exitCodeFor(const Core::Error &error)
{
    return error.kind == Core::Error::Kind::Config ? 2 : 1;
}

void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg)
        std::fprintf(stderr, "specula snapshot: %s\n", qUtf8Printable(message));
}

void printError(const QString &text)
{
    std::fprintf(stderr, "specula snapshot: %s\n", qUtf8Printable(text));
}

bool writeOutput(const QString &path, const QByteArray &json)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        printError(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace

int runSnapshotCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the cluster's specialized resources as JSON (schema 1)."));
    parser.addHelpOption();
    ConnectionOptions::addTo(parser);
    PrometheusOptions::addTo(parser);
    parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
                       QStringLiteral("Write the JSON to this file instead of standard output."),
                       QStringLiteral("file") });
    parser.addOption({ QStringLiteral("verbose"), QStringLiteral("Log every request to standard error.") });
    parser.addPositionalArgument(QStringLiteral("snapshot"), QStringLiteral("The command."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qUtf8Printable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.positionalArguments().size() > 1) {
        printError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().at(1)));
        return 2;
    }
    const QString output = parser.value(QStringLiteral("output"));
    // Scripts read one line on failure; the request log, and Qt's own warnings, are for --verbose.
    if (parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("specula.*.debug=true"));
    else
        qInstallMessageHandler(quietMessageHandler);

    const auto connection = ConnectionOptions::from(parser);
    if (!connection) {
        printError(connection.error().toString());
        return 2;
    }
    auto prometheus = PrometheusOptions::from(parser, connection.value());
    if (!prometheus) {
        printError(prometheus.error().toString());
        return 2;
    }

    int exitCode = 0;
    auto finish = [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    };
    auto print = [&](const Model::ClusterSnapshot &snapshot) {
        const QByteArray json = QJsonDocument(snapshotToJson(snapshot)).toJson(QJsonDocument::Indented);
        finish(writeOutput(output, json) ? 0 : 1);
    };
    ClusterLoader loader(connection.value(), prometheus.value());
    QObject::connect(&loader, &ClusterLoader::failed, [&](const Core::Error &error) {
        printError(error.toString());
        finish(exitCodeFor(error));
    });
    QObject::connect(&loader, &ClusterLoader::loaded, [&] { loader.fetchReadings(print); });
    loader.start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Specula::Cli
