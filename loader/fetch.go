package loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults for fetching URLs.
const (
	DefaultTimeout   = 20 * time.Second
	DefaultUserAgent = "parallax/0.1 (news comparison; +https://github.com/parallax-news/parallax)"
	maxRedirects     = 5
)

// IsURL reports whether an input names an http or https URL.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// fetched is one URL's response body with what is needed to parse it.
type fetched struct {
	data        []byte
	contentType string
	finalURL    string
}

func (o *Options) client() *http.Client {
	if o.Client != nil {
		return o.Client
	}
	return &http.Client{
		Timeout: o.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
			}
			return nil
		},
	}
}

func (o *Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// fetch downloads a URL within the size cap and timeout.
func (o *Options) fetch(ctx context.Context, rawURL string) (fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return fetched{}, errors.New("not a valid URL")
	}
	ctx, cancel := context.WithTimeout(ctx, o.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fetched{}, errors.New("not a valid URL")
	}
	ua := o.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/json,text/markdown,text/plain;q=0.9,*/*;q=0.5")
	resp, err := o.client().Do(req)
	if err != nil {
		return fetched{}, o.netError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fetched{}, fmt.Errorf("HTTP %s", SanitizeLine(resp.Status)) // the reason phrase is the server's
	}
	max := o.maxBytes()
	if resp.ContentLength > max {
		return fetched{}, tooLarge(resp.ContentLength, max)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return fetched{}, o.netError(err)
	}
	if int64(len(data)) > max {
		return fetched{}, tooLarge(-1, max)
	}
	return fetched{data: data, contentType: resp.Header.Get("Content-Type"), finalURL: resp.Request.URL.String()}, nil
}

// netError turns a transport error into one short line.
func (o *Options) netError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out after %s", o.timeout())
		}
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", o.timeout())
	}
	return fmt.Errorf("fetch failed: %s", SanitizeLine(firstLine(err.Error())))
}
