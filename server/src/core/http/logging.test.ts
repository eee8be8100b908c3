import { redactUrl } from './logging';

describe('URLs in logs', () => {
  it('keep the path and harmless parameters, and lose the values of secret ones', () => {
    expect(redactUrl('/api/v1/me')).toBe('/api/v1/me');
    expect(redactUrl('/x?access_token=a.b.c&regionCode=371402&code=WX1')).toBe('/x?access_token=[REDACTED]&regionCode=371402&code=[REDACTED]');
    expect(redactUrl('/x?refreshToken=r&token=t&id_token=i&ticket=k&verify_result=v&verifyResult=w&signature=s&sig=g&session_key=q&api_key=z'))
      .toBe('/x?refreshToken=[REDACTED]&token=[REDACTED]&id_token=[REDACTED]&ticket=[REDACTED]&verify_result=[REDACTED]&verifyResult=[REDACTED]&signature=[REDACTED]&sig=[REDACTED]&session_key=[REDACTED]&api_key=[REDACTED]');
    expect(redactUrl('/x?TOKEN=a&%74oken=b')).toBe('/x?TOKEN=[REDACTED]&%74oken=[REDACTED]');
    expect(redactUrl('/x?postcode=1&purpose=document&flag')).toBe('/x?postcode=1&purpose=document&flag');
  });
});
