// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/simserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;

class TestSimServer : public QObject
{
    Q_OBJECT

private:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
    };

    Response get(Sim::SimServer &server, const QString &path, bool token = true, const QByteArray &accept = {})
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(server.url().resolved(QUrl(path)));
        if (token)
            request.setRawHeader("Authorization", "Bearer " + server.bearerToken());
        if (!accept.isEmpty())
            request.setRawHeader("Accept", accept);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
        request.setSslConfiguration(tls);
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        Response r { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                     reply->error() };
        delete reply;
        return r;
    }

private Q_SLOTS:
    void loadsBuiltins_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("nodes");
        QTest::addRow("demo") << u"builtin:demo"_qs << 10;
        QTest::addRow("quirks") << u"builtin:quirks"_qs << 10;
        QTest::addRow("large") << u"builtin:large"_qs << 5000;
    }
    void loadsBuiltins()
    {
        QFETCH(QString, spec);
        QFETCH(int, nodes);
        const auto scenario = Sim::loadScenario(spec);
        QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error().message));
        QCOMPARE(scenario->nodes.size(), nodes);
    }
    void badYamlNamesLine()
    {
        const auto scenario = Sim::parseScenario("name: x\nnodes:\n  - name: a\n    colour: red\n", u"bad.yaml"_qs);
        QVERIFY(!scenario.ok());
        QCOMPARE(scenario.error().where, u"bad.yaml:4"_qs);
        QVERIFY(scenario.error().message.contains(u"colour"));
    }
    void tokenAuthAndPagination()
    {
        auto scenario = Sim::loadScenario(u"builtin:demo"_qs);
        QVERIFY(scenario.ok());
        Sim::ServerOptions options;
        options.tickMs = -1;
        Sim::SimServer server(scenario.value(), options);
        QVERIFY(server.start().ok());
        QCOMPARE(server.url().scheme(), u"https"_qs);

        const Response denied = get(server, u"/api/v1/nodes"_qs, false);
        QCOMPARE(denied.status, 401);
        QCOMPARE(QJsonDocument::fromJson(denied.body).object().value(u"reason").toString(), u"Unauthorized"_qs);

        const Response first = get(server, u"/api/v1/pods?limit=5"_qs);
        QCOMPARE(first.status, 200);
        const QJsonObject list = QJsonDocument::fromJson(first.body).object();
        QCOMPARE(list.value(u"kind").toString(), u"PodList"_qs);
        QCOMPARE(list.value(u"items").toArray().size(), 5);
        const QString token = list.value(u"metadata").toObject().value(u"continue").toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(list.value(u"metadata").toObject().value(u"remainingItemCount").toInt() > 0);

        const Response second = get(server, u"/api/v1/pods?limit=5&continue="_qs + token);
        QCOMPARE(second.status, 200);
        server.faults().expireContinueTokens();
        const Response expired = get(server, u"/api/v1/pods?limit=5&continue="_qs + token);
        QCOMPARE(expired.status, 410);
        QCOMPARE(QJsonDocument::fromJson(expired.body).object().value(u"reason").toString(), u"Expired"_qs);

        const Response selected = get(server, u"/api/v1/pods?fieldSelector=spec.nodeName%3Dsriov-worker-0"_qs);
        QCOMPARE(QJsonDocument::fromJson(selected.body).object().value(u"items").toArray().size(), 2);
        const Response table = get(server, u"/api/v1/nodes"_qs, true, "application/json;as=Table;v=v1;g=meta.k8s.io");
        QCOMPARE(QJsonDocument::fromJson(table.body).object().value(u"kind").toString(), u"Table"_qs);
    }
    void kubectlListsTheCluster()
    {
        const QString kubectl = QStandardPaths::findExecutable(u"kubectl"_qs);
        if (kubectl.isEmpty())
            QSKIP("kubectl is not on PATH");
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
        QProcess sim;
        sim.start(qEnvironmentVariable("SPECULA_BINARY_DIR") + u"/src/app/specula-sim"_qs,
                  { u"--tls"_qs, u"--kubeconfig-out"_qs, kubeconfig });
        QTRY_VERIFY_WITH_TIMEOUT(sim.readAllStandardOutput().contains("ready") || QFile::exists(kubeconfig), 10000);
        auto run = [&](const QStringList &args) {
            QProcess p;
            p.start(kubectl,
                    QStringList { u"--kubeconfig"_qs, kubeconfig, u"--cache-dir"_qs, dir.filePath(u"cache"_qs) }
                        + args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), QByteArray(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(kubeconfig), 10000);
        const auto [code, out] = run({ u"get"_qs, u"nodes,pods"_qs, u"-A"_qs });
        QVERIFY2(code == 0, out.constData());
        QVERIFY(out.contains("gpu-a100-mig-mixed-0"));
        QVERIFY(out.contains("cnf-dpdk-0"));
        const auto [code2, out2] = run({ u"get"_qs, u"sriovnetworknodestates"_qs, u"-A"_qs });
        QVERIFY2(code2 == 0, out2.constData());
        QVERIFY(out2.contains("sriov-worker-0"));
        sim.kill();
        sim.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_simserver.moc"
