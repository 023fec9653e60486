// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/credentials.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <chrono>
#include <memory>

namespace Specula::Kube {

// A client-go credential plugin (kubeconfig `user.exec`), run as kubectl runs it: the command
// found the same way, the ExecCredential request in KUBERNETES_EXEC_INFO, no stdin, stdout parsed
// as an ExecCredential. The result is cached until its expirationTimestamp or invalidate();
// concurrent fetch() calls while the plugin runs share that one run.
class ExecCredentialSource final : public Net::CredentialSource
{
public:
    struct Config
    {
        QString userName; // for messages
        QString sourceFile; // the kubeconfig that defines the user
        QString command; // as written; see locate()
        QStringList args;
        QList<QPair<QString, QString>> env;
        QString apiVersion; // client.authentication.k8s.io/v1 or v1beta1
        QString installHint;
        QString interactiveMode; // Never, IfAvailable or Always
        bool provideClusterInfo = false;
        QJsonObject cluster; // spec.cluster of the request, used when provideClusterInfo is set
    };

    // `base` carries what the kubeconfig itself gives the user (a client certificate); the
    // plugin's own certificate wins over it.
    explicit ExecCredentialSource(Config config, Net::Credentials base = Net::Credentials());
    ~ExecCredentialSource() override;

    // How long the plugin may run before it is killed (60 s by default).
    void setTimeout(std::chrono::milliseconds timeout);

    // fetch() starts the process on the calling thread, which must run an event loop.
    void fetch(QObject *context, Callback done) override;
    void invalidate() override;

    const Config &config() const;
    // The executable kubectl would run: absolute as is; relative with a directory separator
    // against the kubeconfig's directory; a bare name through PATH. Empty when not found.
    static QString locate(const QString &command, const QString &kubeconfigFile);
    // The KUBERNETES_EXEC_INFO value for this plugin.
    QByteArray execInfo() const;
    // Parses a plugin's stdout; `where` names the plugin in errors.
    static Core::Result<Net::Credentials> parseOutput(const QByteArray &output, const QString &apiVersion,
                                                      const QString &where);

    struct State;

private:
    std::shared_ptr<State> m_state;
};

} // namespace Specula::Kube
