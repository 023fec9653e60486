// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Runs the `specula` executable of the build (SPECULA_EXECUTABLE) as a separate process while
// the test's own thread keeps serving the simulator.
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>

namespace Specula::CliTest {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline Run runSpecula(const QStringList &arguments, int timeoutMs = 90000)
{
    QProcess process;
    process.start(QStringLiteral(SPECULA_EXECUTABLE), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
}

// The object of `array` with this name (and namespace, when given).
inline QJsonObject byName(const QJsonArray &array, const QString &name, const QString &ns = {})
{
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        if (object.value(u"name").toString() == name && (ns.isEmpty() || object.value(u"namespace").toString() == ns))
            return object;
    }
    return {};
}

} // namespace Specula::CliTest
