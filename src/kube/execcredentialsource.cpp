// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/execcredentialsource.h"

#include "core/logging.h"
#include "kube/kubeconfigpem.h"
#include "kube/staticcredentialsource.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <optional>

namespace Specula::Kube {

namespace {

constexpr qsizetype MaxStderr = 2000; // enough for any plugin's message, bounded for the UI

struct Waiter
{
    QPointer<QObject> context;
    Net::CredentialSource::Callback done;
};

Core::Error authError(const QString &where, const QString &message)
{
    return Core::Error { Core::Error::Kind::Auth, message, where, 0, {} };
}

QString boundedStderr(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes).trimmed();
    if (text.size() > MaxStderr)
        text = text.left(MaxStderr) + QStringLiteral(" […]");
    return text;
}

QByteArray requestJson(const ExecCredentialSource::Config &config)
{
    // We never hand the plugin a terminal, so it must not prompt.
    QJsonObject spec { { QStringLiteral("interactive"), false } };
    if (config.provideClusterInfo)
        spec.insert(QStringLiteral("cluster"), config.cluster);
    const QJsonObject request { { QStringLiteral("apiVersion"), config.apiVersion },
                                { QStringLiteral("kind"), QStringLiteral("ExecCredential") },
                                { QStringLiteral("spec"), spec } };
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

} // namespace

struct ExecCredentialSource::State : std::enable_shared_from_this<ExecCredentialSource::State>
{
    Config config;
    Net::Credentials base;
    std::chrono::milliseconds timeout = std::chrono::seconds(60);
    QMutex mutex;
    std::optional<Net::Credentials> cached;
    bool running = false;
    QList<Waiter> waiters;

    QString where() const { return QStringLiteral("user \"%1\" in %2").arg(config.userName, config.sourceFile); }
    void start();
    void complete(const Core::Result<Net::Credentials> &result);
};

ExecCredentialSource::ExecCredentialSource(Config config, Net::Credentials base)
    : m_state(std::make_shared<State>())
{
    m_state->config = std::move(config);
    m_state->base = std::move(base);
}

// A running plugin keeps the state alive and still delivers to its waiters.
ExecCredentialSource::~ExecCredentialSource() = default;

void ExecCredentialSource::setTimeout(std::chrono::milliseconds timeout)
{
    QMutexLocker locker(&m_state->mutex);
    m_state->timeout = timeout;
}

const ExecCredentialSource::Config &ExecCredentialSource::config() const
{
    return m_state->config;
}

QString ExecCredentialSource::locate(const QString &command, const QString &kubeconfigFile)
{
    if (command.isEmpty())
        return {};
    QString candidate;
    if (QDir::isAbsolutePath(command)) {
        candidate = command;
    } else if (command.contains(QLatin1Char('/')) || command.contains(QDir::separator())) {
        candidate = QDir::cleanPath(QFileInfo(kubeconfigFile).absoluteDir().absoluteFilePath(command));
    } else {
        return QStandardPaths::findExecutable(command);
    }
    const QFileInfo info(candidate);
    return info.isFile() && info.isExecutable() ? candidate : QString();
}

QByteArray ExecCredentialSource::execInfo() const
{
    return requestJson(m_state->config);
}

Core::Result<Net::Credentials> ExecCredentialSource::parseOutput(const QByteArray &output, const QString &apiVersion,
                                                                 const QString &where)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return authError(where,
                         QStringLiteral("exec plugin output is not an ExecCredential JSON object: %1 at offset %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    }
    const QJsonObject object = document.object();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind != QLatin1String("ExecCredential"))
        return authError(where,
                         QStringLiteral("exec plugin output has kind \"%1\", expected ExecCredential").arg(kind));
    const QString version = object.value(QStringLiteral("apiVersion")).toString();
    if (version != apiVersion) {
        return authError(where,
                         QStringLiteral("exec plugin is configured for apiVersion %1 but returned apiVersion \"%2\"")
                             .arg(apiVersion, version));
    }
    const QJsonObject status = object.value(QStringLiteral("status")).toObject();
    if (status.isEmpty())
        return authError(where, QStringLiteral("exec plugin output has no status"));

    Net::Credentials credentials;
    const QString token = status.value(QStringLiteral("token")).toString();
    const QString certificate = status.value(QStringLiteral("clientCertificateData")).toString();
    const QString key = status.value(QStringLiteral("clientKeyData")).toString();
    if (certificate.isEmpty() != key.isEmpty()) {
        return authError(where,
                         QStringLiteral("exec plugin returned %1 without %2")
                             .arg(certificate.isEmpty() ? QStringLiteral("status.clientKeyData")
                                                        : QStringLiteral("status.clientCertificateData"),
                                  certificate.isEmpty() ? QStringLiteral("status.clientCertificateData")
                                                        : QStringLiteral("status.clientKeyData")));
    }
    if (token.isEmpty() && certificate.isEmpty()) {
        return authError(where,
                         QStringLiteral("exec plugin returned neither status.token nor "
                                        "status.clientCertificateData and status.clientKeyData"));
    }
    if (!token.isEmpty())
        credentials.authorization = StaticCredentialSource::bearer(token);
    if (!certificate.isEmpty()) {
        const auto certificates = KubeConfigPem::certificates(certificate.toUtf8());
        if (const auto *reason = std::get_if<QString>(&certificates))
            return authError(where, QStringLiteral("exec plugin status.clientCertificateData: %1").arg(*reason));
        credentials.clientCertificate = std::get<QList<QSslCertificate>>(certificates).constFirst();
        const auto privateKey = KubeConfigPem::privateKey(key.toUtf8());
        if (const auto *reason = std::get_if<QString>(&privateKey))
            return authError(where, QStringLiteral("exec plugin status.clientKeyData: %1").arg(*reason));
        credentials.clientKey = std::get<QSslKey>(privateKey);
    }
    const QJsonValue expiry = status.value(QStringLiteral("expirationTimestamp"));
    if (!expiry.isUndefined() && !expiry.isNull()) {
        // RFC 3339 with any offset ("Z", "-08:00") and optional fractional seconds.
        credentials.expiresAt = QDateTime::fromString(expiry.toString(), Qt::ISODateWithMs);
        if (!credentials.expiresAt.isValid()) {
            return authError(where,
                             QStringLiteral("exec plugin status.expirationTimestamp \"%1\" is not an RFC 3339 time")
                                 .arg(expiry.toString()));
        }
    }
    return credentials;
}

void ExecCredentialSource::fetch(QObject *context, Callback done)
{
    QMutexLocker locker(&m_state->mutex);
    if (m_state->cached
        && (!m_state->cached->expiresAt.isValid() || QDateTime::currentDateTimeUtc() < m_state->cached->expiresAt)) {
        const Net::Credentials credentials = *m_state->cached;
        locker.unlock();
        StaticCredentialSource::deliver(context, std::move(done), credentials);
        return;
    }
    m_state->waiters.append(Waiter { context, std::move(done) });
    if (m_state->running)
        return;
    m_state->running = true;
    locker.unlock();
    m_state->start();
}

void ExecCredentialSource::invalidate()
{
    QMutexLocker locker(&m_state->mutex);
    m_state->cached.reset();
}

void ExecCredentialSource::State::complete(const Core::Result<Net::Credentials> &result)
{
    QMutexLocker locker(&mutex);
    running = false;
    if (result)
        cached = result.value();
    const QList<Waiter> pending = std::exchange(waiters, {});
    locker.unlock();
    for (const Waiter &waiter : pending) {
        if (waiter.context)
            StaticCredentialSource::deliver(waiter.context, waiter.done, result);
    }
}

void ExecCredentialSource::State::start()
{
    const QString label = where();
    if (config.interactiveMode == QLatin1String("Always")) {
        complete(authError(label,
                           QStringLiteral("exec plugin \"%1\" needs a terminal (interactiveMode: Always), but it "
                                          "is run without one; log in with it in a terminal first or set "
                                          "interactiveMode to IfAvailable")
                               .arg(config.command)));
        return;
    }
    const QString program = ExecCredentialSource::locate(config.command, config.sourceFile);
    if (program.isEmpty()) {
        const QString hint = config.installHint.trimmed();
        complete(authError(label,
                           hint.isEmpty()
                               ? QStringLiteral("exec plugin \"%1\" not found").arg(config.command)
                               : QStringLiteral("exec plugin \"%1\" not found: %2").arg(config.command, hint)));
        return;
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : std::as_const(config.env))
        environment.insert(name, value);
    environment.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(requestJson(config)));

    auto *process = new QProcess;
    process->setProgram(program);
    process->setArguments(config.args);
    process->setProcessEnvironment(environment);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    // The source may be destroyed while the plugin runs; the run keeps its state alive.
    const std::shared_ptr<State> self = shared_from_this();
    auto finish = [self, process](const Core::Result<Net::Credentials> &result) {
        if (process->property("specula.done").toBool())
            return;
        process->setProperty("specula.done", true);
        self->complete(result);
    };
    const QString command = config.command;
    const QString apiVersion = config.apiVersion;
    const Net::Credentials baseCredentials = base;
    std::chrono::milliseconds limit;
    {
        QMutexLocker locker(&mutex);
        limit = timeout;
    }
    const double seconds = std::chrono::duration<double>(limit).count();
    QObject::connect(timer, &QTimer::timeout, process, [process, finish, label, command, seconds] {
        qCWarning(lcKube) << "exec plugin timed out:" << command;
        finish(authError(label,
                         QStringLiteral("exec plugin \"%1\" did not finish within %2 s").arg(command).arg(seconds)));
        process->kill();
    });
    QObject::connect(
        process, &QProcess::errorOccurred, process, [process, finish, label, command](QProcess::ProcessError error) {
            if (error != QProcess::FailedToStart)
                return; // a crash or kill also ends in finished()
            finish(authError(
                label,
                QStringLiteral("exec plugin \"%1\" could not be started: %2").arg(command, process->errorString())));
            process->deleteLater(); // no finished() follows a failed start
        });
    QObject::connect(
        process, &QProcess::finished, process,
        [process, finish, label, command, apiVersion, baseCredentials](int exitCode, QProcess::ExitStatus exitStatus) {
            // Also after a timeout: the killed process is reaped before the object goes.
            process->deleteLater();
            const QString errors = boundedStderr(process->readAllStandardError());
            if (exitStatus != QProcess::NormalExit || exitCode != 0) {
                const QString how = exitStatus != QProcess::NormalExit
                    ? QStringLiteral("crashed")
                    : QStringLiteral("failed with exit code %1").arg(exitCode);
                finish(authError(label,
                                 errors.isEmpty()
                                     ? QStringLiteral("exec plugin \"%1\" %2").arg(command, how)
                                     : QStringLiteral("exec plugin \"%1\" %2: %3").arg(command, how, errors)));
                return;
            }
            auto result = ExecCredentialSource::parseOutput(process->readAllStandardOutput(), apiVersion, label);
            if (result && result->clientCertificate.isNull()) {
                result->clientCertificate = baseCredentials.clientCertificate;
                result->clientKey = baseCredentials.clientKey;
            }
            finish(result);
        });
    qCDebug(lcKube) << "running exec plugin" << program; // arguments may carry secrets: not logged
    timer->start(limit);
    process->start();
}

} // namespace Specula::Kube
