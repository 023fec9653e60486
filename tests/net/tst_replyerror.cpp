// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/replyerror.h"

#include <QFile>
#include <QTest>

using namespace Specula;
using Net::ReplyError;
using Net::ReplyFacts;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return file.readAll();
}

QByteArray statusLine(int index)
{
    return fixture(u"k8s_api_status-errors_real.jsonl"_qs).trimmed().split('\n').at(index);
}

} // namespace

class TestReplyError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every way a reply can end, as QNetworkReply on Qt 6.4 reports it.
    void map_data()
    {
        QTest::addColumn<int>("networkError");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("cancelledByCaller");
        QTest::addColumn<QStringList>("sslErrors");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("reason");
        using E = QNetworkReply::NetworkError;
        using K = Core::Error::Kind;
        QTest::addRow("ok") << int(E::NoError) << 200 << QByteArray("{}") << false << QStringList() << false << 0
                            << QString() << QString();
        QTest::addRow("401-pretty") << int(E::AuthenticationRequiredError) << 401
                                    << fixture(u"k8s_api_status-401_pretty-printed_real.json"_qs) << false
                                    << QStringList() << true << int(K::Unauthorized) << u"Unauthorized"_qs
                                    << u"Unauthorized"_qs;
        QTest::addRow("401-compact") << int(E::AuthenticationRequiredError) << 401 << statusLine(0) << false
                                     << QStringList() << true << int(K::Unauthorized) << u"Unauthorized"_qs
                                     << u"Unauthorized"_qs;
        QTest::addRow("403-anonymous")
            << int(E::ContentAccessDenied) << 403 << statusLine(1) << false << QStringList() << true
            << int(K::Forbidden)
            << u"pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the "
               "namespace \"kube-system\""_qs
            << u"Forbidden"_qs;
        QTest::addRow("403-serviceaccount")
            << int(E::ContentAccessDenied) << 403 << statusLine(2) << false << QStringList() << true
            << int(K::Forbidden) << u"User \"system:serviceaccount:gluu:default\" cannot list"_qs << u"Forbidden"_qs;
        QTest::addRow("403-details-name")
            << int(E::ContentAccessDenied) << 403 << statusLine(3) << false << QStringList() << true
            << int(K::Forbidden) << u"services \"kube-dns:dns\" is forbidden"_qs << u"Forbidden"_qs;
        QTest::addRow("404-status")
            << int(E::ContentNotFoundError) << 404
            << QByteArray(
                   R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404})")
            << false << QStringList() << true << int(K::NotFound)
            << u"the server could not find the requested resource"_qs << u"NotFound"_qs;
        QTest::addRow("410-expired-continue")
            << int(E::UnknownContentError) << 410
            << QByteArray(
                   R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"The provided continue parameter is too old to display a consistent list result.","reason":"Expired","code":410})")
            << false << QStringList() << true << int(K::Gone) << u"continue parameter is too old"_qs << u"Expired"_qs;
        QTest::addRow("500-status")
            << int(E::InternalServerError) << 500
            << QByteArray(
                   R"({"kind":"Status","status":"Failure","message":"etcdserver: request timed out","reason":"InternalError","code":500})")
            << false << QStringList() << true << int(K::Http) << u"etcdserver: request timed out"_qs
            << u"InternalError"_qs;
        QTest::addRow("429-no-body") << int(E::UnknownContentError) << 429 << QByteArray() << false << QStringList()
                                     << true << int(K::Http) << u"the server answered HTTP 429"_qs
                                     << u"Too Many Requests"_qs;
        QTest::addRow("502-html-proxy") << int(E::UnknownServerError) << 502
                                        << QByteArray("<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>") << false
                                        << QStringList() << true << int(K::Http)
                                        << u"<html> <body><h1>502 Bad Gateway</h1></body> </html>"_qs
                                        << u"Bad Gateway"_qs;
        QTest::addRow("timeout-on-6.4") << int(E::OperationCanceledError) << 0 << QByteArray() << false << QStringList()
                                        << true << int(K::Timeout) << u"no data arrived within the transfer timeout"_qs
                                        << QString();
        QTest::addRow("timeout-mid-stream")
            << int(E::OperationCanceledError) << 200 << QByteArray() << false << QStringList() << true
            << int(K::Timeout) << u"transfer timeout"_qs << QString();
        QTest::addRow("cancelled") << int(E::OperationCanceledError) << 0 << QByteArray() << true << QStringList()
                                   << true << int(K::Cancelled) << u"cancelled"_qs << QString();
        QTest::addRow("connect-timeout") << int(E::TimeoutError) << 0 << QByteArray() << false << QStringList() << true
                                         << int(K::Timeout) << u"timed out"_qs << QString();
        QTest::addRow("tls-untrusted")
            << int(E::SslHandshakeFailedError) << 0 << QByteArray() << false
            << QStringList { u"The issuer certificate of a locally looked up certificate could not be found"_qs }
            << true << int(K::Tls) << u"TLS handshake failed: The issuer certificate"_qs << QString();
        QTest::addRow("tls-no-details") << int(E::SslHandshakeFailedError) << 0 << QByteArray() << false
                                        << QStringList() << true << int(K::Tls) << u"TLS handshake failed: boom"_qs
                                        << QString();
        QTest::addRow("refused") << int(E::ConnectionRefusedError) << 0 << QByteArray() << false << QStringList()
                                 << true << int(K::Network) << u"boom"_qs << QString();
        QTest::addRow("closed") << int(E::RemoteHostClosedError) << 0 << QByteArray() << false << QStringList() << true
                                << int(K::Network) << u"boom"_qs << QString();
        QTest::addRow("closed-mid-body") << int(E::RemoteHostClosedError) << 200 << QByteArray("{\"items\":[") << false
                                         << QStringList() << true << int(K::Network) << u"boom"_qs << QString();
    }
    void map()
    {
        QFETCH(int, networkError);
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(bool, cancelledByCaller);
        QFETCH(QStringList, sslErrors);
        QFETCH(bool, isError);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(QString, reason);

        ReplyFacts facts;
        facts.error = QNetworkReply::NetworkError(networkError);
        facts.httpStatus = httpStatus;
        facts.body = body;
        facts.cancelledByCaller = cancelledByCaller;
        facts.sslErrors = sslErrors;
        facts.errorString = u"boom"_qs;
        facts.where = u"https://127.0.0.1:6443/api/v1/pods?limit=500"_qs;
        const QHash<int, QByteArray> phrases { { 429, "Too Many Requests" }, { 502, "Bad Gateway" } };
        facts.reasonPhrase = phrases.value(httpStatus);

        const auto error = ReplyError::map(facts);
        QCOMPARE(error.has_value(), isError);
        if (!isError)
            return;
        QCOMPARE(int(error->kind), kind);
        QVERIFY2(error->message.contains(message), qPrintable(error->message));
        QCOMPARE(error->reason, reason);
        QCOMPARE(error->where, facts.where);
        if (httpStatus >= 400)
            QCOMPARE(error->httpStatus, httpStatus);
    }

    void oneLineForPeople()
    {
        ReplyFacts facts;
        facts.error = QNetworkReply::ContentAccessDenied;
        facts.httpStatus = 403;
        facts.body = statusLine(4);
        facts.where = u"https://127.0.0.1:6443/api/v1/pods"_qs;
        QCOMPARE(
            ReplyError::map(facts)->toString(),
            u"https://127.0.0.1:6443/api/v1/pods: pods is forbidden: User \"system:anonymous\" cannot list pods at "
            "the cluster scope (HTTP 403 Forbidden)"_qs);
    }

    void statusParsing()
    {
        QVERIFY(!ReplyError::parseStatus("not json"));
        QVERIFY(!ReplyError::parseStatus(R"({"kind":"PodList"})"));
        const auto status = ReplyError::parseStatus(fixture(u"k8s_api_status-401_pretty-printed_real.json"_qs));
        QVERIFY(status);
        QCOMPARE(status->code, 401);
        QCOMPARE(status->status, u"Failure"_qs);
    }
};

QTEST_GUILESS_MAIN(TestReplyError)
#include "tst_replyerror.moc"
