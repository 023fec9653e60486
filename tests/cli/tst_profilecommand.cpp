// SPDX-License-Identifier: GPL-3.0-or-later
// `specula snapshot|export --profile NAME`, run as processes: the profile's kubeconfig and
// context reach the simulated cluster, its Prometheus token comes from the keychain (the Secret
// Service of scripts/test.sh), and mistakes end with exit code 2 and one line.
#include "../profiles/keychaintesting.h"
#include "../sim/simtesthelpers.h"
#include "profiles/profilestore.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using namespace Specula::ProfilesTest;
using CliTest::Run;
using CliTest::runSpecula;
using Secret = Profiles::SecretStore::Secret;

namespace {

// Stands in for Prometheus: keeps the head of every request and answers each with an empty
// vector, closing the connection so that every request arrives on its own.
class RequestRecorder : public QObject
{
public:
    RequestRecorder()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        });
    }
    QString url() const { return u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort()); }
    QList<QByteArray> heads;

    QByteArrayList authorizations() const
    {
        QByteArrayList values;
        for (const QByteArray &head : heads) {
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("authorization:"))
                    values.append(line.mid(14).trimmed());
            }
        }
        return values;
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        heads.append(buffer.left(end));
        const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[]}})";
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestProfileCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = SimTest::start(u"builtin:demo"_qs);
        // The current context names nothing, so only a context chosen by the profile connects.
        QByteArray kubeconfig = m_server->kubeconfig();
        kubeconfig.replace("current-context: specula-sim", "current-context: not-this-one");
        QFile file(kubeconfigPath());
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(kubeconfig) == kubeconfig.size());
        file.close();

        Profiles::Profile sim;
        sim.name = u"sim lab"_qs;
        sim.kubeconfig = kubeconfigPath();
        sim.context = u"specula-sim"_qs;
        sim.prometheus.mode = Model::PrometheusSettings::Mode::None;
        Profiles::Profile pinned = sim;
        pinned.name = u"pinned"_qs;
        pinned.prometheus = Model::PrometheusSettings::parse(m_prometheus.url()).value();
        Profiles::Profile basic = pinned;
        basic.name = u"basic"_qs;
        basic.prometheus.username = u"reader"_qs;
        Profiles::ProfileStore store(m_dir.filePath(u"profiles.ini"_qs));
        store.setProfiles({ sim, pinned, basic });
        SPECULA_VERIFY_DONE(store.save());
        qputenv("SPECULA_PROFILES_FILE", store.path().toUtf8());
    }

    void profileChoosesKubeconfigAndContext()
    {
        const Run withoutProfile = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfigPath() });
        QCOMPARE(withoutProfile.exitCode, 2); // the current context does not exist

        const Run run = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"sim lab"_qs });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject snapshot = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(snapshot.value(u"context").toString(), u"specula-sim"_qs);
        QCOMPARE(snapshot.value(u"server").toString(), m_server->url().toString());
        QCOMPARE(snapshot.value(u"prometheus").toObject().value(u"status").toString(), u"disabled"_qs);
    }

    void tokenComesFromTheKeychain()
    {
        SPECULA_REQUIRE_KEYCHAIN();
        Profiles::SecretStore secrets;
        SPECULA_VERIFY_DONE(waitWrite(secrets, u"pinned"_qs, Secret::PrometheusToken, u"keychain-token-7c1e"_qs));

        m_prometheus.heads.clear();
        const Run run = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"pinned"_qs });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!m_prometheus.heads.isEmpty());
        for (const QByteArray &authorization : m_prometheus.authorizations())
            QCOMPARE(authorization, QByteArray("Bearer keychain-token-7c1e"));
        QCOMPARE(m_prometheus.authorizations().size(), m_prometheus.heads.size());

        // A token file on the command line wins over the keychain.
        const QString tokenFile = m_dir.filePath(u"token"_qs);
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("command-line-token\n") > 0);
        file.close();
        m_prometheus.heads.clear();
        const Run overridden
            = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"pinned"_qs, u"--prometheus-token-file"_qs, tokenFile });
        QVERIFY2(overridden.exitCode == 0, overridden.err.constData());
        QVERIFY(!m_prometheus.heads.isEmpty());
        QCOMPARE(m_prometheus.authorizations().size(), m_prometheus.heads.size());
        for (const QByteArray &authorization : m_prometheus.authorizations())
            QCOMPARE(authorization, QByteArray("Bearer command-line-token"));

        // Another Prometheus named on the command line never sees the profile's token.
        RequestRecorder other;
        const Run elsewhere
            = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"pinned"_qs, u"--prometheus"_qs, other.url() });
        QVERIFY2(elsewhere.exitCode == 0, elsewhere.err.constData());
        QVERIFY(!other.heads.isEmpty());
        QCOMPARE(other.authorizations(), QByteArrayList());

        SPECULA_VERIFY_DONE(waitDone([&](auto done) { secrets.removeProfile(u"pinned"_qs, done); }));
    }

    void passwordComesFromTheKeychain()
    {
        SPECULA_REQUIRE_KEYCHAIN();
        Profiles::SecretStore secrets;
        SPECULA_VERIFY_DONE(waitWrite(secrets, u"basic"_qs, Secret::PrometheusPassword, u"keychain-pw-41d9"_qs));
        m_prometheus.heads.clear();
        const Run run = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"basic"_qs });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(!m_prometheus.heads.isEmpty());
        QCOMPARE(m_prometheus.authorizations().size(), m_prometheus.heads.size());
        for (const QByteArray &authorization : m_prometheus.authorizations())
            QCOMPARE(authorization, "Basic " + QByteArray("reader:keychain-pw-41d9").toBase64());
        SPECULA_VERIFY_DONE(waitDone([&](auto done) { secrets.removeProfile(u"basic"_qs, done); }));
    }

    void unknownProfile()
    {
        const Run run = runSpecula({ u"snapshot"_qs, u"--profile"_qs, u"nope"_qs });
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 u"specula snapshot: %1: no profile named 'nope'\n"_qs.arg(m_dir.filePath(u"profiles.ini"_qs)));
    }

    void conflictingOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("command");
        const QStringList snapshot { u"snapshot"_qs, u"--profile"_qs, u"sim lab"_qs };
        QTest::addRow("kubeconfig") << snapshot + QStringList { u"--kubeconfig"_qs, kubeconfigPath() }
                                    << u"snapshot"_qs;
        QTest::addRow("context") << snapshot + QStringList { u"--context"_qs, u"specula-sim"_qs } << u"snapshot"_qs;
        QTest::addRow("demo") << snapshot + QStringList { u"--demo"_qs } << u"snapshot"_qs;
        QTest::addRow("export") << QStringList {
            u"export"_qs, u"pod"_qs,       u"ml/train-0"_qs, u"-o"_qs, m_dir.filePath(u"out.csv"_qs),
            u"--demo"_qs, u"--profile"_qs, u"pinned"_qs
        } << u"export"_qs;
    }

    void conflictingOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, command);
        const Run run = runSpecula(arguments);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 u"specula %1: --profile: cannot be combined with --kubeconfig, --context or --demo\n"_qs.arg(command));
    }

private:
    QString kubeconfigPath() const { return m_dir.filePath(u"kubeconfig"_qs); }

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    RequestRecorder m_prometheus;
};

QTEST_GUILESS_MAIN(TestProfileCommand)
#include "tst_profilecommand.moc"
