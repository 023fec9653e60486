// SPDX-License-Identifier: GPL-3.0-or-later
// A credential plugin for tst_execcredential that does what its environment asks, so that the
// tests run a real process through the real exec path:
//   SPECULA_PLUGIN_COUNTER     file that gets one line per run (run counting for the cache tests)
//   SPECULA_PLUGIN_RECORD      file that receives {info: KUBERNETES_EXEC_INFO, args, foo: $FOO}
//   SPECULA_PLUGIN_SLEEP_MS    sleep before answering (timeouts, concurrent fetches)
//   SPECULA_PLUGIN_EXIT        exit code; SPECULA_PLUGIN_STDERR is written to stderr first
//   SPECULA_PLUGIN_STDOUT      printed instead of an ExecCredential
//   SPECULA_PLUGIN_EXPIRES_IN  seconds from now for status.expirationTimestamp (written with +02:00)
//   SPECULA_PLUGIN_CERT / _KEY files whose PEM goes to clientCertificateData / clientKeyData
// The token is "token-<run number>", so a test sees which run it got.
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimeZone>
#include <cstdio>

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray info = qgetenv("KUBERNETES_EXEC_INFO");

    int run = 1;
    if (const QString counter = qEnvironmentVariable("SPECULA_PLUGIN_COUNTER"); !counter.isEmpty()) {
        QFile file(counter);
        if (file.open(QIODevice::ReadWrite | QIODevice::Append)) {
            file.write("run\n");
            file.seek(0);
            run = int(file.readAll().count('\n'));
        }
    }
    if (const QString record = qEnvironmentVariable("SPECULA_PLUGIN_RECORD"); !record.isEmpty()) {
        QJsonArray args;
        for (const QString &arg : QCoreApplication::arguments().mid(1))
            args.append(arg);
        const QJsonObject recorded { { QStringLiteral("info"), QJsonDocument::fromJson(info).object() },
                                     { QStringLiteral("args"), args },
                                     { QStringLiteral("foo"), qEnvironmentVariable("FOO") } };
        QFile file(record);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(recorded).toJson());
    }
    if (const int sleep = qEnvironmentVariableIntValue("SPECULA_PLUGIN_SLEEP_MS"); sleep > 0)
        QThread::msleep(sleep);
    if (const int code = qEnvironmentVariableIntValue("SPECULA_PLUGIN_EXIT"); code != 0) {
        std::fputs(qgetenv("SPECULA_PLUGIN_STDERR").constData(), stderr);
        return code;
    }
    if (qEnvironmentVariableIsSet("SPECULA_PLUGIN_STDOUT")) {
        std::fputs(qgetenv("SPECULA_PLUGIN_STDOUT").constData(), stdout);
        return 0;
    }

    QJsonObject status;
    const QString certificate = qEnvironmentVariable("SPECULA_PLUGIN_CERT");
    if (certificate.isEmpty()) {
        status.insert(QStringLiteral("token"), QStringLiteral("token-%1").arg(run));
    } else {
        status.insert(QStringLiteral("clientCertificateData"), QString::fromLatin1(readAll(certificate)));
        status.insert(QStringLiteral("clientKeyData"),
                      QString::fromLatin1(readAll(qEnvironmentVariable("SPECULA_PLUGIN_KEY"))));
    }
    if (qEnvironmentVariableIsSet("SPECULA_PLUGIN_EXPIRES_IN")) {
        const QDateTime expiry = QDateTime::currentDateTimeUtc()
                                     .addSecs(qEnvironmentVariableIntValue("SPECULA_PLUGIN_EXPIRES_IN"))
                                     .toTimeZone(QTimeZone(2 * 3600));
        status.insert(QStringLiteral("expirationTimestamp"), expiry.toString(Qt::ISODate));
    }
    const QJsonObject request = QJsonDocument::fromJson(info).object();
    const QJsonObject credential { { QStringLiteral("apiVersion"), request.value(QStringLiteral("apiVersion")) },
                                   { QStringLiteral("kind"), QStringLiteral("ExecCredential") },
                                   { QStringLiteral("status"), status } };
    std::fputs(QJsonDocument(credential).toJson().constData(), stdout);
    return 0;
}
